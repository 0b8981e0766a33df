using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Deployment;

/// <summary>The client's address comes from X-Forwarded-For only when a trusted proxy (by default: this machine) sent it.</summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Theory]
    [InlineData("127.0.0.1", "203.0.113.7", "203.0.113.7")] // nginx on the same machine forwards the client
    [InlineData("10.9.9.9", "203.0.113.8", "10.9.9.9")] // anyone else's header is ignored, not believed
    public async Task The_audit_trail_records_the_forwarded_client_only_behind_a_trusted_proxy(string peer, string forwarded, string recorded)
    {
        using var client = _app.From(peer);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwarded);

        await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@test.local", ["Input.Password"] = "Wrong-Passw0rd" });

        await using var db = _app.NewContext();
        var failure = await db.AuditEntries.OrderByDescending(a => a.At).FirstAsync(a => a.Action == AuditActions.AccountLoginFailed);
        Assert.Contains($"来源地址 {recorded}", failure.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    public void Production_refuses_to_accept_any_host_name(string? allowedHosts)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["AllowedHosts"] = allowedHosts;

        var refusal = Assert.Throws<InvalidOperationException>(() => builder.Services.AddReverseProxySupport(builder.Configuration, builder.Environment));

        Assert.Contains("AllowedHosts", refusal.Message, StringComparison.Ordinal);
    }
}
