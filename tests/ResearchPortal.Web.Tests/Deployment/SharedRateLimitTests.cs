using System.Net;
using ResearchPortal.Web.Authorization.Throttling;
using ResearchPortal.Web.Tests.Pages.Errors;
using ResearchPortal.Web.Tests.Pages.Verify;
using ResearchPortal.Web.Tests.Persistence;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Deployment;

/// <summary>Instances on one database count a client together: alternating between them gains nothing.</summary>
public sealed class SharedRateLimitTests
{
    [Fact]
    public async Task Two_instances_share_the_certificate_verification_limit_of_one_client_address()
    {
        await using var first = new PortalApp();
        await first.InitializeAsync();
        await using var second = new PortalApp { Settings = new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = first.ConnectionString } };
        await second.InitializeAsync();
        var address = PortalApp.NextAddress();
        using var viaFirst = first.From(address);
        using var viaSecond = second.From(address);

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i <= CertificateVerificationRateLimit.LookupsPerWindow; i++)
        {
            responses.Add(await VerifyPageTests.PostAsync(i % 2 == 0 ? viaFirst : viaSecond, "SDGY-NONE", "张三"));
        }

        Assert.All(responses.SkipLast(1), response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var page = await ErrorPageTests.AssertErrorPageAsync(responses[^1], HttpStatusCode.TooManyRequests, "请求过于频繁");
        Assert.Contains(CertificateVerificationRateLimit.RejectionMessage, page);
        using var otherClient = second.Anonymous(); // another address still may
        Assert.Equal(HttpStatusCode.OK, (await VerifyPageTests.PostAsync(otherClient, "SDGY-NONE", "张三")).StatusCode);
    }

    [Theory]
    [InlineData("PostgreSQL")]
    [InlineData("SQLite")]
    public async Task Counts_go_up_per_key_within_a_window_and_start_again_after_it(string provider)
    {
        await using var host = provider == "SQLite" ? await PortalTestHost.StartSqliteAsync() : await PortalTestHost.StartPostgresAsync();
        var counters = host.Get<SharedCounters>();
        var window = TimeSpan.FromSeconds(1);

        var counts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            counts.Add((await counters.IncrementAsync("k1", TimeSpan.FromMinutes(5))).Count);
        }

        var (other, _) = await counters.IncrementAsync("k2", window);
        var (sofar, retryAfter) = await counters.CountAsync("k1");
        await Task.Delay(window + TimeSpan.FromMilliseconds(100));
        var (afterWindow, _) = await counters.IncrementAsync("k2", window);

        Assert.Equal([1, 2, 3], counts);
        Assert.Equal(1, other);
        Assert.Equal(3, sofar);
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        Assert.Equal(1, afterWindow);
    }
}
