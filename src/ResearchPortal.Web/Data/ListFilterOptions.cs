using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Data;

/// <summary>
/// The choices of the year and city filters, read in one SQL command (a UNION of the plan years and the distinct host
/// cities). The busy review lists keep them under the plan's <see cref="ListVersion"/> (<see cref="LoadKeptAsync"/>),
/// so a plan year or a unit's city added anywhere is offered at once; the organizations list reads them afresh.
/// </summary>
public sealed record ListFilterOptions(IReadOnlyList<int> Years, IReadOnlyList<string> Cities)
{
    /// <summary>The choices as this instance last read them under <paramref name="planVersion"/>, or read now.</summary>
    public static Task<ListFilterOptions> LoadKeptAsync(PortalDbContext db, ListPageCache pages, long planVersion) =>
        pages.GetOrReadAsync(new ListPageKey("filter-options", ListVersion.Plan, planVersion, Shape: string.Empty), () => LoadAsync(db));

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
