using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace ResearchPortal.Web.Infrastructure.Listing;

/// <summary>
/// A page showing a list that grows: the search text (<c>q</c>), sort (<c>sort</c>, "-" first for descending) and page
/// number (<c>p</c>) live in the URL, so a filtered page can be bookmarked, shared and reloaded.
/// </summary>
public abstract class ListPageModel : PageModel
{
    public const int DefaultPageSize = 50;

    public const int SearchMaxLength = 100;

    [BindProperty(SupportsGet = true, Name = ListQueryKeys.Search)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = ListQueryKeys.Sort)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = ListQueryKeys.Page)]
    public int PageNumber { get; set; } = 1;

    /// <summary>Route values that bring the user back to the same search, sort and page after a POST (add the
    /// page's own filters to them).</summary>
    protected RouteValueDictionary ListRouteValues(object values) => new(values)
    {
        [ListQueryKeys.Search] = SearchTerm,
        [ListQueryKeys.Sort] = Sort,
        [ListQueryKeys.Page] = PageNumber > 1 ? PageNumber : null,
    };

    /// <summary>The trimmed search text, or null for none; over-long input is cut rather than refused.</summary>
    protected string? SearchTerm => TermOf(Search);

    /// <summary>
    /// The search text lower-cased, for <c>column.ToLower().Contains(SearchLower)</c>: case-insensitive alike on
    /// PostgreSQL and SQLite (a contains-search scans anyway, so no index is lost to <c>lower()</c>).
    /// </summary>
    protected string? SearchLower => LowerTermOf(Search);

    public static string? TermOf(string? search) =>
        string.IsNullOrWhiteSpace(search) ? null : search.Trim() is var term && term.Length > SearchMaxLength ? term[..SearchMaxLength] : term;

    public static string? LowerTermOf(string? search) => TermOf(search)?.ToLowerInvariant();
}

/// <summary>The query-string names every list uses.</summary>
public static class ListQueryKeys
{
    public const string Search = "q";
    public const string Sort = "sort";
    public const string Page = "p";
}
