using Microsoft.AspNetCore.Http.Extensions;

namespace ResearchPortal.Web.Documents.Certificates;

/// <summary>Settings of the "Certificates" configuration section.</summary>
public sealed class CertificateOptions
{
    public const string SectionName = "Certificates";

    /// <summary>
    /// The portal's public address for the QR codes (e.g. https://yanxiu.example.cn). When not set, the address the
    /// download was requested on is used, which is wrong behind a proxy that rewrites the host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The configured public address, else the address <paramref name="request"/> came in on.</summary>
    public string BaseUrlFor(HttpRequest request) =>
        PublicBaseUrl is { Length: > 0 } configured ? configured : UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase);
}
