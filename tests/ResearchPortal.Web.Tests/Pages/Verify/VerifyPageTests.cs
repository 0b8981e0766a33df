using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Authorization.Throttling;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Pages.Errors;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Verify;

[Collection(PortalCollections.Seminars)]
public sealed class VerifyPageTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task A_matching_number_and_name_show_the_certificate_with_the_name_masked()
    {
        var (graph, number) = await IssuedAsync();
        using var client = app.Anonymous();

        var html = await LookUpAsync(client, number, "学员01");

        Assert.Contains("证书有效", html);
        // The form keeps what the verifier typed; the answer itself shows the name masked.
        var answer = html[html.IndexOf("证书有效", StringComparison.Ordinal)..];
        Assert.Contains(Masking.Name("学员01"), answer);
        Assert.DoesNotContain("学员01", answer);
        Assert.Contains(graph.Project.ProjectNumber, html);
        Assert.Contains("2025年9月15日至2025年9月19日", html);
        Assert.Contains("24 学时", html);
    }

    [Fact]
    public async Task A_wrong_name_and_an_unknown_number_get_the_same_neutral_answer()
    {
        var (_, number) = await IssuedAsync();
        using var client = app.Anonymous();

        var wrongName = await LookUpAsync(client, number, "张三");
        var unknownNumber = await LookUpAsync(client, number + "9", "学员01");

        foreach (var html in new[] { wrongName, unknownNumber })
        {
            Assert.Contains("未查到匹配的证书", html);
            Assert.DoesNotContain("证书有效", html);
        }
    }

    [Fact]
    public async Task A_name_is_limited_in_characters_as_a_roster_name_so_the_longest_rare_one_is_looked_up_and_one_more_refused()
    {
        var (_, number) = await IssuedAsync();
        using var client = app.Anonymous();
        var longest = RosterEntry.TextMaxLength;
        var tooLong = $"姓名不超过 {longest} 个字符。";

        var atLimit = await LookUpAsync(client, number, string.Concat(Enumerable.Repeat("𠮷", longest)));
        var overLimit = await LookUpAsync(client, number, string.Concat(Enumerable.Repeat("𠮷", longest + 1)));

        Assert.Contains("未查到匹配的证书", atLimit);
        Assert.DoesNotContain(tooLong, atLimit);
        Assert.Contains(tooLong, overLimit);
    }

    [Fact]
    public async Task The_number_is_found_whatever_its_letter_case_and_surrounding_spaces()
    {
        var (_, number) = await IssuedAsync();
        using var client = app.Anonymous();

        var html = await LookUpAsync(client, $" \u3000{number.ToLowerInvariant()}  ", " 学员01 ");

        Assert.Contains("证书有效", html);
    }

    [Fact]
    public async Task A_revoked_number_answers_revoked_with_its_date_and_without_the_reason()
    {
        var (graph, number) = await IssuedAsync();
        await using (var db = app.NewContext())
        {
            var entry = await db.RosterEntries.SingleAsync(e => e.Id == graph.Entries[0].Id);
            Ok(entry.RevokeCertificate("学员冒名参训", Reviewer, new DateTimeOffset(2025, 9, 30, 23, 30, 0, TimeSpan.FromHours(8))));
            await db.SaveChangesAsync();
        }

        using var client = app.Anonymous();
        var html = PageText.Of(await LookUpAsync(client, number.ToLowerInvariant(), "学员01"));

        Assert.Contains("已撤销", html);
        Assert.Contains("2025年9月30日", html);
        Assert.DoesNotContain("证书有效", html);
        Assert.DoesNotContain("学员冒名参训", html);
        Assert.Contains("未查到匹配的证书", PageText.Of(await LookUpAsync(client, number, "张三")));
    }

    [Fact]
    public async Task The_qr_link_prefills_the_number()
    {
        using var client = app.Anonymous();

        var html = await client.GetPageAsync("/Verify?number=SDGY2025-P1-001");

        Assert.Contains("value=\"SDGY2025-P1-001\"", html);
    }

    private async Task<(RosterGraph Graph, string Number)> IssuedAsync()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        await using var db = app.NewContext();
        var entry = await db.RosterEntries.SingleAsync(e => e.Id == graph.Entries[0].Id);
        Ok(entry.RecordResult(24m, passed: true, graph.Filing, SeminarStart));
        Ok(CertificateIssuer.Assign([entry], graph.Filing, AfterSeminar, graph.Year, graph.Project.ProjectNumber, 1, new HashSet<string>()));
        await db.SaveChangesAsync();
        return (graph, entry.CertificateNumber!);
    }

    private static async Task<string> LookUpAsync(PortalClient client, string number, string name)
    {
        var response = await PostAsync(client, number, name);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    internal static Task<HttpResponseMessage> PostAsync(PortalClient client, string number, string name) =>
        client.PostFormAsync("/Verify", new() { ["Input.Number"] = number, ["Input.Name"] = name });
}

/// <summary>Its own app: the limiter's window would otherwise refuse the other tests' look-ups.</summary>
[Collection(PortalCollections.Seminars)]
public sealed class VerifyRateLimitTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task Look_ups_beyond_the_limit_are_refused_per_minute()
    {
        using var client = app.Anonymous();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i <= CertificateVerificationRateLimit.LookupsPerWindow; i++)
        {
            responses.Add(await VerifyPageTests.PostAsync(client, "SDGY-NONE", "张三"));
        }

        Assert.All(responses.SkipLast(1), response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var page = await ErrorPageTests.AssertErrorPageAsync(responses[^1], HttpStatusCode.TooManyRequests, "请求过于频繁");
        Assert.Contains(CertificateVerificationRateLimit.RejectionMessage, page);
        var retryAfter = responses[^1].Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), CertificateVerificationRateLimit.Window);
    }
}
