using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ResearchPortal.Web.Infrastructure.Listing;

/// <summary>Where one page sits in a paged list, whatever its rows: what the pager shows.</summary>
public interface IPagedList
{
    /// <summary>1-based, within 1…<see cref="PageCount"/>.</summary>
    int PageNumber { get; }

    int PageSize { get; }

    int TotalCount { get; }

    int PageCount { get; }
}

/// <summary>One page of a list the server pages: its rows and where it sits in the whole.</summary>
public sealed class PagedList<T> : IPagedList
{
    public PagedList(IReadOnlyList<T> items, int pageNumber, int pageSize, int totalCount)
    {
        Items = items;
        PageNumber = pageNumber;
        PageSize = pageSize;
        TotalCount = totalCount;
    }

    public IReadOnlyList<T> Items { get; }

    /// <summary>1-based, within 1…<see cref="PageCount"/>.</summary>
    public int PageNumber { get; }

    public int PageSize { get; }

    public int TotalCount { get; }

    public int PageCount => PagedListExtensions.PageCountOf(TotalCount, PageSize);

    /// <summary>The 1-based position of the first row on this page in the whole list.</summary>
    public int FirstItemNumber => (PageNumber - 1) * PageSize + 1;
}

public static class PagedListExtensions
{
    /// <summary>
    /// One SQL command whatever the size: the requested page with the list's count beside each row (a subquery the
    /// database runs once). Only a page past the end, or an empty list, takes more: the count, then the last page.
    /// </summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T>(
        this IQueryable<T> query, int pageNumber, int pageSize = ListPageModel.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var counted = Unordered(query);
        return (await PageWithCountsAsync(
            query, item => new CountedRow<T> { Item = item, Total = counted.Count() },
            async () => (await counted.CountAsync(cancellationToken), 0), pageNumber, pageSize, cancellationToken)).Page;
    }

    /// <summary>As <see cref="ToPagedListAsync{T}(IQueryable{T}, int, int, CancellationToken)"/>, with one more count
    /// in the same command (say, the rows a page's action would touch).</summary>
    public static Task<(PagedList<T> Page, int AlsoCounted)> ToPagedListAsync<T, TOther>(
        this IQueryable<T> query, IQueryable<TOther> alsoCount, int pageNumber, int pageSize = ListPageModel.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var counted = Unordered(query);
        return PageWithCountsAsync(
            query, item => new CountedRow<T> { Item = item, Total = counted.Count(), AlsoCounted = alsoCount.Count() },
            async () => (await counted.CountAsync(cancellationToken), await alsoCount.CountAsync(cancellationToken)), pageNumber, pageSize, cancellationToken);
    }

    /// <summary>As <see cref="ToPagedListAsync{T}(IQueryable{T}, int, int, CancellationToken)"/>, the list's size the sum
    /// of <paramref name="sizeParts"/> (counts the database keeps, such as <see cref="Data.ProjectTally"/>) instead of a
    /// count of the list's rows.</summary>
    public static async Task<PagedList<T>> ToPagedListSizedByAsync<T>(
        this IQueryable<T> query, IQueryable<int> sizeParts, int pageNumber, int pageSize = ListPageModel.DefaultPageSize, CancellationToken cancellationToken = default) =>
        (await PageWithCountsAsync(
            query, item => new CountedRow<T> { Item = item, Total = sizeParts.Sum() },
            async () => (await sizeParts.SumAsync(cancellationToken), 0), pageNumber, pageSize, cancellationToken)).Page;

    /// <summary>One SQL command for the page of a list already counted (together with other counts, in one command).</summary>
    public static async Task<PagedList<T>> ToCountedPagedListAsync<T>(
        this IQueryable<T> query, int pageNumber, int totalCount, int pageSize = ListPageModel.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var page = ClampPage(pageNumber, pageSize, totalCount);
        var items = totalCount == 0 ? [] : await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, totalCount);
    }

    /// <summary>One page of rows already in memory, for a list whose order is only known after evaluating in C#.</summary>
    public static PagedList<T> ToPagedList<T>(this IReadOnlyList<T> rows, int pageNumber, int pageSize = ListPageModel.DefaultPageSize)
    {
        var page = ClampPage(pageNumber, pageSize, rows.Count);
        return new PagedList<T>(rows.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, rows.Count);
    }

    /// <summary>A page number beyond the end shows the last page, so a filter that shrinks the list never leaves the user on an empty page.</summary>
    public static int ClampPage(int pageNumber, int pageSize, int total) => Math.Clamp(pageNumber, 1, PageCountOf(total, pageSize));

    /// <summary>How many pages <paramref name="total"/> rows fill; an empty list still has its one (empty) page.</summary>
    public static int PageCountOf(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    private static async Task<(PagedList<T> Page, int AlsoCounted)> PageWithCountsAsync<T>(
        IQueryable<T> query, Expression<Func<T, CountedRow<T>>> withCounts, Func<Task<(int Total, int AlsoCounted)>> countAlone,
        int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        var requested = Math.Clamp(pageNumber, 1, int.MaxValue / pageSize); // a typed p=999999999 must not overflow the offset
        var rows = await query.Skip((requested - 1) * pageSize).Take(pageSize).Select(withCounts).ToListAsync(cancellationToken);
        if (rows.Count > 0)
        {
            return (new PagedList<T>(rows.Select(row => row.Item).ToList(), requested, pageSize, rows[0].Total), rows[0].AlsoCounted);
        }

        var (total, alsoCounted) = await countAlone();
        return (await query.ToCountedPagedListAsync(pageNumber, total, pageSize, cancellationToken), alsoCounted);
    }

    /// <summary>The list without its closing sort, for the count carried in each row: the order changes no count, and EF
    /// walks and hashes the whole query on every execution, the count's copy included.</summary>
    private static IQueryable<T> Unordered<T>(IQueryable<T> query)
    {
        var expression = query.Expression;
        while (expression is MethodCallExpression { Method.Name: nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending) } sort
               && sort.Method.DeclaringType == typeof(Queryable))
        {
            expression = sort.Arguments[0];
        }

        return query.Provider.CreateQuery<T>(expression);
    }

    private sealed class CountedRow<T>
    {
        public T Item { get; init; } = default!;

        public int Total { get; init; }

        public int AlsoCounted { get; init; }
    }
}
