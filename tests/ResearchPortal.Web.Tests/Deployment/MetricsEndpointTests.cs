using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Observability;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Deployment;

/// <summary>/metrics: off by default; when on, Prometheus text for a scraper on loopback or an allowed network, 404 for
/// everyone else, including any request that came through the proxy.</summary>
public sealed class MetricsEndpointTests
{
    private static PortalApp MetricsOn() => new()
    {
        Settings = new Dictionary<string, string>
        {
            [$"{PortalMetrics.SectionName}:Enabled"] = "true",
            [$"{PortalMetrics.SectionName}:AllowedNetworks:0"] = "192.0.2.0/24",
        },
    };

    [Fact]
    public async Task A_scrape_from_loopback_finds_request_database_and_outbox_metrics()
    {
        await using var app = MetricsOn();
        await app.InitializeAsync();
        await using (var db = app.NewContext())
        {
            var now = app.Services.GetRequiredService<PortalClock>().Now;
            db.OutboxMails.Add(new OutboxMail("metrics@test.local", "学员", "指标测试", "正文", now));
            await db.SaveChangesAsync();
        }

        await app.FlushOutboxAsync();
        using var visitor = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/healthz/live")).StatusCode);

        using var scraper = app.From("127.0.0.1");
        var response = await scraper.GetAsync(PortalMetrics.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("db_client_connection", text, StringComparison.Ordinal); // Npgsql's pool
        // Meters are seen process-wide: other tests' hosts may add to these, so only "present, and counted" is asserted.
        Assert.Matches(@"(?m)^portal_mail_sent_total(\{[^}]*\})? [1-9]", text);
        Assert.Matches(@"(?m)^portal_mail_outbox_backlog(\{[^}]*\})? \d", text);
    }

    [Theory]
    [InlineData("203.0.113.5", 404)] // the public
    [InlineData("192.0.2.9", 200)]   // Portal:Metrics:AllowedNetworks
    public async Task Only_loopback_and_allowed_networks_may_scrape(string address, int status)
    {
        await using var app = MetricsOn();
        await app.InitializeAsync();
        using var client = app.From(address);

        Assert.Equal((HttpStatusCode)status, (await client.GetAsync(PortalMetrics.Path)).StatusCode);
    }

    [Fact]
    public async Task A_request_through_the_proxy_is_refused_though_the_proxy_is_on_loopback()
    {
        await using var app = MetricsOn();
        await app.InitializeAsync();
        using var throughNginx = app.From("127.0.0.1");
        throughNginx.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "127.0.0.1");

        Assert.Equal(HttpStatusCode.NotFound, (await throughNginx.GetAsync(PortalMetrics.Path)).StatusCode);
    }

    [Fact]
    public async Task Metrics_are_off_by_default()
    {
        await using var app = new PortalApp();
        await app.InitializeAsync();
        using var scraper = app.From("127.0.0.1");

        Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync(PortalMetrics.Path)).StatusCode);
    }

    [Fact]
    public void A_malformed_allowed_network_is_refused_in_Chinese()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[$"{PortalMetrics.SectionName}:Enabled"] = "true";
        builder.Configuration[$"{PortalMetrics.SectionName}:AllowedNetworks:0"] = "10.0.0.0/33";

        var refusal = Assert.Throws<InvalidOperationException>(() => builder.Services.AddPortalMetrics(builder.Configuration));

        Assert.Contains("不是有效的网段", refusal.Message, StringComparison.Ordinal);
    }
}
