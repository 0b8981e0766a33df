using Microsoft.AspNetCore.Html;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Infrastructure.Listing;

/// <summary>
/// What the shared filter form (<c>_ListFilters</c>) shows above a list: the search box, optionally the year and city
/// choices and further page-specific fields. It submits by GET to the same page; with htmx it replaces only the element
/// <see cref="ListId"/> and pushes the address, so the filters stay in the URL either way.
/// </summary>
public sealed record ListFilterForm(string ListId, string SearchPlaceholder)
{
    public string? Search { get; init; }

    public string? Sort { get; init; }

    /// <summary>The year and city choices from <see cref="ListFilterOptions"/>; set both at once.</summary>
    public ListFilterOptions? Options
    {
        init => (Years, Cities) = (value?.Years, value?.Cities);
    }

    /// <summary>The plan years to choose from; null for a list without a year filter.</summary>
    public IReadOnlyList<int>? Years { get; init; }

    /// <summary>The cities to choose from; null for a list without a city filter.</summary>
    public IReadOnlyList<string>? Cities { get; init; }

    public int? Year { get; init; }

    public string? City { get; init; }

    /// <summary>The label of the city filter: whose city it is.</summary>
    public string CityLabel { get; init; } = "举办城市";

    /// <summary>Further fields, written by the page (a Razor template).</summary>
    public Func<object?, IHtmlContent>? MoreFields { get; init; }
}
