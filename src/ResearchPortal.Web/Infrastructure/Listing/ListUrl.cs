using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace ResearchPortal.Web.Infrastructure.Listing;

/// <summary>The current list's address with some query values replaced: every filter the user set is kept.</summary>
public static class ListUrl
{
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var query = new QueryBuilder(request.Query
            .Where(pair => !changes.Any(change => string.Equals(change.Key, pair.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value ?? string.Empty))));
        foreach (var (key, value) in changes.Where(change => !string.IsNullOrEmpty(change.Value)))
        {
            query.Add(key, value!);
        }

        return request.PathBase + request.Path + query.ToQueryString();
    }

    /// <summary>
    /// The list's query values (filters, sort, page) as route values, for a row's form (<c>asp-all-route-data</c>)
    /// that should come back to the same place; the handler and id of the form's own post are left out.
    /// </summary>
    public static Dictionary<string, string> RouteValues(HttpRequest request) =>
        request.Query
            .Where(pair => !string.Equals(pair.Key, "handler", StringComparison.OrdinalIgnoreCase) && !string.Equals(pair.Key, "id", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
