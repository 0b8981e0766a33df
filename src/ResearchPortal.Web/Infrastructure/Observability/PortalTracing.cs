using Npgsql;
using OpenTelemetry.Trace;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry traces — each request, its Npgsql commands and each outbox sending attempt — sent over OTLP to the
/// collector named by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (e.g. <c>http://otel-collector:4317</c>); off
/// without it. Health checks and scrapes are left out: they come every few seconds and say nothing.
/// </summary>
public static class PortalTracing
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddPortalTracing(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointSetting]))
        {
            return services;
        }

        services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                !context.Request.Path.StartsWithSegments("/healthz") && context.Request.Path != PortalMetrics.Path)
            .AddNpgsql()
            .AddSource(OutboxSender.Activities.Name)
            .AddOtlpExporter());
        return services;
    }
}
