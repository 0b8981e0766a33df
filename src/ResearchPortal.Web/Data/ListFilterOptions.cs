using Microsoft.EntityFrameworkCore;

namespace ResearchPortal.Web.Data;

/// <summary>
/// The choices of the year and city filters. Read in one SQL command (a UNION of the plan years and the distinct host
/// cities) on every request rather than cached, so a year or unit just added is offered at once.
/// </summary>
public sealed record ListFilterOptions(IReadOnlyList<int> Years, IReadOnlyList<string> Cities)
{
    public static async Task<ListFilterOptions> LoadAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var options = await db.PlanYears.Select(y => new Option { Year = y.Year, City = string.Empty })
            .Concat(db.Organizations.Select(o => new Option { Year = 0, City = o.City }).Distinct())
            .ToListAsync(cancellationToken);
        return new ListFilterOptions(
            options.Where(o => o.Year != 0).Select(o => o.Year).OrderDescending().ToList(),
            options.Where(o => o.Year == 0).Select(o => o.City).Order(StringComparer.Ordinal).ToList());
    }

    private sealed class Option
    {
        public int Year { get; init; }

        public string City { get; init; } = string.Empty;
    }
}
