using Microsoft.EntityFrameworkCore;

namespace ResearchPortal.Web.Data;

/// <summary>
/// The choices of the year and city filters, read in one SQL command (a UNION of the plan years and the distinct host
/// cities). The busy review lists take them from <see cref="SharedListFilterOptions"/>; a page where a unit or year
/// has just been added (the organizations list) reads them afresh.
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

/// <summary>
/// The last filter choices read on this instance (a singleton), read again after <see cref="MaxAge"/>: a plan year or
/// a unit's city added anywhere is offered in the lists' filters within that time, and the lists run one command
/// fewer per request. A choice that has just gone still filters correctly (to no rows).
/// </summary>
public sealed class SharedListFilterOptions(TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private ListFilterOptions? _options;
    private long _loadedAt;

    public async Task<ListFilterOptions> LoadAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_options is not null && time.GetElapsedTime(_loadedAt) < MaxAge)
            {
                return _options;
            }
        }

        var loaded = await ListFilterOptions.LoadAsync(db, cancellationToken);
        lock (_lock)
        {
            (_options, _loadedAt) = (loaded, time.GetTimestamp());
        }

        return loaded;
    }
}
