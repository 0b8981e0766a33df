using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>Setting <c>Portal:PublicBaseUrl</c>: the address users open the portal on, for links in e-mails.</summary>
public sealed class PublicUrlOptions : IValidatableObject
{
    public const string Section = "Portal";

    /// <summary>An absolute http(s) address, optionally with a path (https://yanxiu.example.cn/portal).</summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            yield return new ValidationResult(
                $"设置 Portal:PublicBaseUrl 的值“{PublicBaseUrl}”不是不带查询参数的 http(s) 绝对地址（例如 https://yanxiu.example.cn）。",
                [nameof(PublicBaseUrl)]);
        }
    }
}

/// <summary>
/// Absolute links to portal pages for e-mails. Built from <see cref="PublicUrlOptions.PublicBaseUrl"/> only, never from
/// a request's Host header, which a client chooses.
/// </summary>
public sealed class PortalLinks(IOptions<PublicUrlOptions> options, LinkGenerator links)
{
    /// <summary>The page's absolute address, e.g. https://yanxiu.example.cn/Review/CloseOut?projectId=….</summary>
    public string To(string page, object? values = null)
    {
        var path = links.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"No route to page {page}.");
        return options.Value.PublicBaseUrl.TrimEnd('/') + path;
    }
}

public static class PortalLinksServiceCollectionExtensions
{
    public static IServiceCollection AddPortalLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicUrlOptions>()
            .Bind(configuration.GetSection(PublicUrlOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PortalLinks>();
        return services;
    }
}
