using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Authorization.Throttling;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Account;

[Collection(PortalCollections.Accounts)]
public sealed class LoginThrottleTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task Failures_from_one_address_throttle_that_address_only_and_the_owner_still_logs_in_from_another()
    {
        var reviewer = await app.CreateUserAsync(PortalRoles.Reviewer);
        using var attacker = app.From("10.20.0.1");
        for (var attempt = 0; attempt < LoginThrottle.FailuresPerAccountAndAddress; attempt++)
        {
            using var failed = await attacker.LogInAsync(reviewer.Email!, $"Wrong-guess-{attempt}");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("电子邮箱或密码不正确。", await failed.HtmlAsync());
        }

        // Even the right password is refused from the attacker's address now, with a Chinese message and Retry-After.
        using var throttled = await attacker.LogInAsync(reviewer.Email!, PortalApp.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("登录失败次数过多", await throttled.HtmlAsync());

        // The reviewer, elsewhere, is not locked out.
        using var owner = app.From("10.20.0.2");
        using var login = await owner.LogInAsync(reviewer.Email!, PortalApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        await using var db = app.NewContext();
        var account = await db.Users.SingleAsync(u => u.Id == reviewer.Id);
        Assert.Null(account.LockoutEnd);
    }

    [Fact]
    public async Task An_unknown_e_mail_is_throttled_exactly_like_a_known_one()
    {
        using var client = app.From("10.20.1.1");
        var unknown = AccountForms.NewEmail("nobody");
        for (var attempt = 0; attempt < LoginThrottle.FailuresPerAccountAndAddress; attempt++)
        {
            using var failed = await client.LogInAsync(unknown, $"Wrong-guess-{attempt}");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var throttled = await client.LogInAsync(unknown, "Wrong-guess-x");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("登录失败次数过多", await throttled.HtmlAsync());
    }

    [Fact]
    public async Task A_burst_of_log_in_posts_from_one_address_is_answered_429_with_retry_after()
    {
        using var client = app.From("10.20.2.1");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var attempt = 0; attempt < AccountFormRateLimit.PostsPerWindow + 5; attempt++)
        {
            var response = await client.LogInAsync(AccountForms.NewEmail("spray"), "Wrong-guess-1");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && rejected is null)
            {
                rejected = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.All(statuses.Take(AccountFormRateLimit.PostsPerWindow), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(statuses.Skip(AccountFormRateLimit.PostsPerWindow), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        Assert.True(rejected!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // A Chinese page: the status-code page where the app has one, else the limiter's own short body.
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", await rejected.HtmlAsync());

        // Another address is not affected.
        using var other = app.From("10.20.2.2");
        using var allowed = await other.LogInAsync(AccountForms.NewEmail("spray"), "Wrong-guess-1");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await using var db = app.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Account.Throttled" && e.Details!.Contains("10.20.2.1")));
    }

    [Fact]
    public async Task Every_log_in_outcome_is_audited_with_the_address_never_the_password_nor_an_unknown_e_mail()
    {
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee, displayName: "审计学员");
        var unknown = AccountForms.NewEmail("typo");
        using var client = app.From("10.20.3.1");

        (await client.LogInAsync(unknown, "Typed-secret-1")).Dispose();
        for (var attempt = 0; attempt <= LoginThrottle.FailuresPerAccountAndAddress; attempt++)
        {
            (await client.LogInAsync(trainee.Email!, "Typed-secret-2")).Dispose();
        }

        using var success = app.From("10.20.3.2");
        (await success.LogInAsync(trainee.Email!, PortalApp.Password)).Dispose();

        await using var db = app.NewContext();
        var entries = await db.AuditEntries.Where(e => e.Action.StartsWith("Account.Login")).ToListAsync();
        var mine = entries.Where(e => e.UserId == trainee.Id).ToList();
        Assert.Equal(LoginThrottle.FailuresPerAccountAndAddress, mine.Count(e => e.Action == "Account.LoginFailed" && e.Details!.Contains("10.20.3.1")));
        Assert.Single(mine, e => e.Action == "Account.LoginThrottled" && e.Details!.Contains("10.20.3.1"));
        Assert.Single(mine, e => e.Action == "Account.LoginSucceeded" && e.Details!.Contains("10.20.3.2"));
        Assert.All(mine, e => Assert.Contains(trainee.Email!, e.Subject));

        var unknownEntry = Assert.Single(entries, e => e.Action == "Account.LoginFailed" && e.UserId.Length == 0 && e.Details!.Contains("10.20.3.1"));
        Assert.Equal(AccountAudit.UnknownAccountName, unknownEntry.Subject);
        Assert.DoesNotContain(entries, e => $"{e.Subject} {e.Details}".Contains(unknown, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => $"{e.Subject} {e.Details}".Contains("Typed-secret", StringComparison.Ordinal));
    }
}
