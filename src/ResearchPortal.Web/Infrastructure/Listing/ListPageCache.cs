using Microsoft.Extensions.Caching.Memory;

namespace ResearchPortal.Web.Infrastructure.Listing;

/// <summary>
/// Pages of lists as last read under one <see cref="Data.ListVersion"/> on this instance (a singleton). The key holds the
/// version, so a change anywhere — another instance, a script — makes the next request read the rows afresh; nothing
/// is ever invalidated by hand. The kept pages are immutable projections (ID numbers masked); access is checked on
/// every request before a page is looked up, and a page whose rows depend on the visitor (their unit) or the day says
/// so in its key. At most <see cref="Capacity"/> pages are kept, each for <see cref="Idle"/> after its last use.
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

/// <summary>One page of a list under its scope's version.</summary>
/// <param name="List">Which list (the page's name).</param>
/// <param name="Scope">A project's id, or <see cref="Data.ListVersion.Plan"/>.</param>
/// <param name="Shape">Whatever else decides the page's rows, as a value tuple: search term, filters, sort, page
/// number, and the visitor's unit or the day where the rows depend on them.</param>
public sealed record ListPageKey(string List, Guid Scope, long Version, object Shape);
