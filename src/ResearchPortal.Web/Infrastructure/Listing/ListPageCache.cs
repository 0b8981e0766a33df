using Microsoft.Extensions.Caching.Memory;

namespace ResearchPortal.Web.Infrastructure.Listing;

/// <summary>
/// Pages of a project's enrollment lists (the queue, the roster) as last read under one
/// <see cref="Data.EnrollmentVersion"/> on this instance (a singleton). The key holds the version, so a change anywhere
/// — another instance, a script — makes the next request read the rows afresh; nothing is ever invalidated by hand. The
/// cached pages are immutable projections of what any visitor allowed to see the list sees (ID numbers masked);
/// access is checked on every request before a page is looked up. At most <see cref="Capacity"/> pages are kept,
/// each for <see cref="Idle"/> after its last use.
/// </summary>
public sealed class ListPageCache : IDisposable
{
    public const int Capacity = 256;

    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The page under <paramref name="key"/>, read by <paramref name="read"/> when this instance has none.</summary>
    public async Task<T> GetOrReadAsync<T>(ListPageKey key, Func<Task<T>> read)
        where T : class
    {
        if (_pages.TryGetValue(key, out T? page))
        {
            return page!;
        }

        page = await read();
        _pages.Set(key, page, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return page;
    }

    public void Dispose() => _pages.Dispose();
}

/// <summary>One page of one project's list, as its URL shapes it (search term, status filter, sort, page number), under
/// the project's version.</summary>
/// <param name="List">Which list (the page's name).</param>
public sealed record ListPageKey(string List, Guid ProjectId, long Version, string? Search, string? Status, string? Sort, int Page);
