using System.Linq.Expressions;

namespace ResearchPortal.Web.Infrastructure.Listing;

/// <summary>
/// The columns a list may be sorted by, each under a URL key; an unknown key falls back to the default, and a unique
/// tie-breaker keeps the order (and so the pages) stable.
/// </summary>
public sealed class SortOrder<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _defaultSort;
    private readonly Func<IOrderedQueryable<T>, IOrderedQueryable<T>> _tieBreaker;

    /// <param name="defaultSort">A key, "-" first for descending, used when the URL names none or an unknown one.</param>
    public SortOrder(string defaultSort, Expression<Func<T, Guid>> tieBreaker)
    {
        _defaultSort = defaultSort;
        _tieBreaker = query => query.ThenBy(tieBreaker);
    }

    /// <inheritdoc cref="SortOrder{T}(string, Expression{Func{T, Guid}})"/>
    public SortOrder(string defaultSort, Expression<Func<T, string>> tieBreaker)
    {
        _defaultSort = defaultSort;
        _tieBreaker = query => query.ThenBy(tieBreaker);
    }

    public SortOrder<T> By<TKey>(string key, Expression<Func<T, TKey>> column)
    {
        _columns[key] = (query, descending) => descending ? query.OrderByDescending(column) : query.OrderBy(column);
        return this;
    }

    /// <summary>A column with a second one that orders rows equal in the first, always ascending.</summary>
    public SortOrder<T> By<TKey, TThen>(string key, Expression<Func<T, TKey>> column, Expression<Func<T, TThen>> then)
    {
        _columns[key] = (query, descending) => (descending ? query.OrderByDescending(column) : query.OrderBy(column)).ThenBy(then);
        return this;
    }

    /// <summary>A column whose order takes more than one key (e.g. a work queue: waiting rows first, oldest first);
    /// <paramref name="order"/> gets the query and whether the user asked for the reverse.</summary>
    public SortOrder<T> By(string key, Func<IQueryable<T>, bool, IOrderedQueryable<T>> order)
    {
        _columns[key] = order;
        return this;
    }

    public IQueryable<T> Apply(IQueryable<T> query, string? sort)
    {
        var (key, descending) = Resolve(sort);
        return _tieBreaker(_columns[key](query, descending));
    }

    /// <summary>The order <paramref name="sort"/> (from the URL) gives, as one of this list's keys: any other text is the
    /// default order.</summary>
    public string Effective(string? sort)
    {
        var (key, descending) = Resolve(sort);
        return descending ? "-" + key : key;
    }

    /// <summary>Whether <paramref name="sort"/> (from the URL) leaves the list in its default order.</summary>
    public bool IsDefault(string? sort) => string.Equals(Resolve(sort).Key, Parse(_defaultSort).Key, StringComparison.OrdinalIgnoreCase);

    /// <summary>The column and direction <paramref name="sort"/> names, or the default's when it names none of them.</summary>
    private (string Key, bool Descending) Resolve(string? sort)
    {
        var parsed = Parse(sort);
        return _columns.ContainsKey(parsed.Key) ? parsed : Parse(_defaultSort);
    }

    private static (string Key, bool Descending) Parse(string? sort) =>
        string.IsNullOrWhiteSpace(sort) ? (string.Empty, false)
        : sort.StartsWith('-') ? (sort[1..], true)
        : (sort, false);
}
