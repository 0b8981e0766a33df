using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ResearchPortal.Web.Tests.Crawl;

/// <summary>
/// The app's Razor Pages as the router sees them (endpoint data source → compiled page → handler methods), so an
/// address a form would post to can be checked without sending it: does it reach a page, a handler of that method and
/// name, and does the request carry every value that handler cannot do without?
/// </summary>
public sealed class PageHandlerMap
{
    private readonly IReadOnlyList<(TemplateMatcher Matcher, CompiledPageActionDescriptor Page)> _pages;

    public const string AntiforgeryField = "__RequestVerificationToken";

    private PageHandlerMap(IReadOnlyList<(TemplateMatcher, CompiledPageActionDescriptor)> pages) => _pages = pages;

    public static async Task<PageHandlerMap> LoadAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = new List<(TemplateMatcher, CompiledPageActionDescriptor)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var compiled = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, endpoint.Metadata);
            var pattern = endpoint.RoutePattern;
            pages.Add((new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary(pattern.Defaults)), compiled));
        }

        Assert.NotEmpty(pages);
        return new PageHandlerMap(pages);
    }

    /// <summary>Null when the submission reaches a handler with what it needs; otherwise why it would not, in words.</summary>
    public string? Check(FormSubmission submission)
    {
        var path = Uri.UnescapeDataString(submission.Address.AbsolutePath);
        if (PageAt(path) is not var (page, routeValues))
        {
            return $"地址 {path} 不对应任何页面";
        }

        // A GET form replaces the action's query with its fields; a POST keeps the query and sends the fields as the body.
        var query = submission.IsPost ? QueryOf(submission.Address) : submission.Fields.ToDictionary(f => f, _ => string.Empty);
        var sent = new HashSet<string>(query.Keys, StringComparer.OrdinalIgnoreCase);
        sent.UnionWith(routeValues.Keys);
        sent.UnionWith(submission.Fields);

        // Razor Pages read the handler name from the route or the query string only, never from the body.
        var handlerName = routeValues.TryGetValue("handler", out var routeHandler) && routeHandler is string fromRoute ? fromRoute
            : query.GetValueOrDefault("handler");
        var handler = page.HandlerMethods.FirstOrDefault(h =>
            string.Equals(h.HttpMethod, submission.Method, StringComparison.OrdinalIgnoreCase)
            && string.Equals(h.Name, string.IsNullOrEmpty(handlerName) ? null : handlerName, StringComparison.OrdinalIgnoreCase));
        if (handler is null)
        {
            return $"页面 {page.ViewEnginePath} 没有 {submission.Method.ToUpperInvariant()} 处理方法“{handlerName ?? "（默认）"}”";
        }

        if (submission.IsPost && !submission.Fields.Contains(AntiforgeryField))
        {
            return "表单缺少防伪令牌（__RequestVerificationToken），提交会被拒绝";
        }

        var missing = RequiredValues(page, handler, submission.IsPost).Where(name => !sent.Contains(name)).ToList();
        return missing.Count == 0
            ? null
            : $"{page.ViewEnginePath} 的处理方法 {handler.MethodInfo.Name} 需要 {string.Join("、", missing)}，但地址和表单都没有提供";
    }


    /// <summary>The page whose route template matches the path, with the route values it read from it.</summary>
    private (CompiledPageActionDescriptor Page, RouteValueDictionary RouteValues)? PageAt(string path)
    {
        foreach (var (matcher, page) in _pages)
        {
            var values = new RouteValueDictionary();
            if (matcher.TryMatch(new PathString(path), values))
            {
                return (page, values);
            }
        }

        return null;
    }

    /// <summary>
    /// Values without which the handler only finds nothing: its non-nullable value-type parameters without a default
    /// (e.g. <c>Guid projectId</c>), and the page's bound <see cref="Guid"/> properties (an identity has no sensible
    /// default; other bound properties such as a year or page number do).
    /// </summary>
    private static IEnumerable<string> RequiredValues(CompiledPageActionDescriptor page, HandlerMethodDescriptor handler, bool isPost)
    {
        foreach (var parameter in handler.Parameters)
        {
            var type = parameter.ParameterType;
            if (type.IsValueType && Nullable.GetUnderlyingType(type) is null && type != typeof(CancellationToken)
                && !parameter.ParameterInfo.HasDefaultValue)
            {
                yield return parameter.BindingInfo?.BinderModelName ?? parameter.Name;
            }
        }

        foreach (var property in page.BoundProperties)
        {
            if (property.ParameterType == typeof(Guid) && (isPost || SupportsGet(property)))
            {
                yield return property.BindingInfo?.BinderModelName ?? property.Name;
            }
        }
    }

    private static bool SupportsGet(ParameterDescriptor property) =>
        property is PageBoundPropertyDescriptor { Property: var info }
        && info.GetCustomAttributes(typeof(BindPropertyAttribute), inherit: true).Cast<BindPropertyAttribute>().Any(a => a.SupportsGet);

    private static Dictionary<string, string> QueryOf(Uri address) =>
        QueryHelpers.ParseQuery(address.Query).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
