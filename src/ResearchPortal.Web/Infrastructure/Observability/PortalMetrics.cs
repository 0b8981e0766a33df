using System.Net;
using Npgsql;
using OpenTelemetry.Metrics;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry metrics — ASP.NET Core and Kestrel requests, the .NET runtime, Npgsql's connection pool and the mail
/// outbox — scraped by Prometheus at <c>/metrics</c>. Off unless <c>Portal:Metrics:Enabled=true</c>; then answered only
/// to a scraper connecting directly from loopback or <c>Portal:Metrics:AllowedNetworks</c>, never to a request that
/// came through the reverse proxy (it carries <c>X-Forwarded-For</c>): behind nginx every request's connection comes
/// from the proxy's address, so the connection's address alone would let the public in. Everyone else gets 404.
/// </summary>
public static class PortalMetrics
{
    public const string SectionName = "Portal:Metrics";
    public const string Path = "/metrics";

    public static IServiceCollection AddPortalMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OutboxMetrics>();
        var section = configuration.GetSection(SectionName);
        if (!section.GetValue("Enabled", defaultValue: false))
        {
            return services;
        }

        services.AddSingleton(new MetricsScrapers(ParseNetworks(section.GetSection("AllowedNetworks").Get<string[]>() ?? [])));
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddNpgsqlInstrumentation()
            .AddMeter(OutboxMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Before the forwarded headers are applied, so the scraper is judged by its own connection.</summary>
    public static IApplicationBuilder UsePortalMetrics(this IApplicationBuilder app)
    {
        var scrapers = app.ApplicationServices.GetService<MetricsScrapers>();
        return scrapers is null
            ? app
            : app.UseOpenTelemetryPrometheusScrapingEndpoint(
                context => context.Request.Path == Path && scrapers.MayScrape(context.Request, context.Connection.RemoteIpAddress));
    }

    private static IReadOnlyList<IPNetwork> ParseNetworks(string[] networks) =>
        networks.Select(network => IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"设置 {SectionName}:AllowedNetworks 中的“{network}”不是有效的网段，应写成 CIDR 形式（如 10.0.0.0/24）。"))
            .ToList();
}

/// <summary>Who may read <c>/metrics</c>: a direct connection (no forwarding header) from loopback or an allowed network.</summary>
public sealed class MetricsScrapers(IReadOnlyList<IPNetwork> allowedNetworks)
{
    public bool MayScrape(HttpRequest request, IPAddress? remoteAddress)
    {
        if (remoteAddress is null || request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded"))
        {
            return false;
        }

        var address = remoteAddress.IsIPv4MappedToIPv6 ? remoteAddress.MapToIPv4() : remoteAddress;
        return IPAddress.IsLoopback(address) || allowedNetworks.Any(network => network.Contains(address));
    }
}
