using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Pages.Account;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Account;

[Collection(PortalCollections.Accounts)]
public sealed class PasswordPagesTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    private const string NewPassword = "Fresh-Start-2026";

    [Fact]
    public async Task Forgot_password_answers_the_same_for_any_e_mail_and_the_mailed_link_sets_a_new_password_once()
    {
        var user = await app.CreateUserAsync(PortalRoles.Trainee);
        var unknown = AccountForms.NewEmail("nobody");
        using var visitor = app.Anonymous();

        var answers = new List<string>();
        foreach (var email in new[] { unknown, user.Email! })
        {
            using var response = await visitor.PostFormAsync("/Account/ForgotPassword", new() { ["Input.Email"] = email });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            answers.Add(await visitor.GetPageAsync(response.Headers.Location!.OriginalString));
        }

        Assert.All(answers, answer => Assert.Contains(ForgotPasswordModel.MailSent, System.Net.WebUtility.HtmlDecode(answer)));
        Assert.DoesNotContain(app.Mails(), mail => mail.To == unknown);
        var link = app.MailedLink(user.Email!, "/Account/ResetPassword");

        using var reset = await ResetAsync(visitor, link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await app.CanLogInAsync(user.Email!, PortalApp.Password));
        Assert.True(await app.CanLogInAsync(user.Email!, NewPassword));

        using var reused = await ResetAsync(visitor, link, "Second-Try-2026");
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains(ResetPasswordModel.InvalidLink, await reused.HtmlAsync());
        Assert.True(await app.CanLogInAsync(user.Email!, NewPassword));
    }

    [Fact]
    public async Task A_signed_in_user_changes_the_password_and_the_change_is_audited()
    {
        var user = await app.CreateUserAsync(PortalRoles.Organizer);
        using var client = await app.LoginAsync(user);

        using var wrongCurrent = await client.ChangePasswordAsync("Not-the-current-1", NewPassword);
        Assert.Equal(HttpStatusCode.OK, wrongCurrent.StatusCode);
        Assert.Contains("当前密码不正确。", await wrongCurrent.HtmlAsync());

        using var changed = await client.ChangePasswordAsync(PortalApp.Password, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/ChangePassword")).StatusCode); // this session goes on
        Assert.False(await app.CanLogInAsync(user.Email!, PortalApp.Password));
        Assert.True(await app.CanLogInAsync(user.Email!, NewPassword));
        await using var db = app.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Account.PasswordChanged" && e.UserId == user.Id));
    }

    [Fact]
    public async Task The_user_menu_and_the_login_page_link_to_the_password_pages()
    {
        using var client = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Trainee));
        Assert.Contains("href=\"/Account/ChangePassword\"", await client.GetPageAsync("/"));
        Assert.Contains("href=\"/Account/ForgotPassword\"", await app.Anonymous().GetPageAsync("/Account/Login"));
    }

    [Fact]
    public async Task An_account_created_by_the_reviewer_must_change_its_password_before_any_other_page()
    {
        var unit = Organization(city: "威海");
        await using (var db = app.NewContext())
        {
            db.Add(unit);
            await db.SaveChangesAsync();
        }

        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var email = AccountForms.NewEmail("organizer");
        using var created = await reviewer.PostFormAsync("/Admin/Accounts?handler=Create", new()
        {
            ["Input.Role"] = PortalRoles.Organizer,
            ["Input.OrganizationId"] = unit.Id.ToString(),
            ["Input.DisplayName"] = "孙组织",
            ["Input.Email"] = email,
            ["Input.Password"] = "Given-By-Reviewer1",
        }, formPage: "/Admin/Accounts");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        await AssertMustChangeThenFreeAsync(email, "Given-By-Reviewer1");
    }

    [Fact]
    public async Task A_password_set_by_the_reviewer_must_be_changed_at_the_next_log_in()
    {
        var organizer = await app.CreateUserAsync(PortalRoles.Organizer);
        Assert.True(await app.CanLogInAsync(organizer.Email!, PortalApp.Password));
        using (var free = await app.LoginAsync(organizer))
        {
            Assert.Equal(HttpStatusCode.OK, (await free.GetAsync("/Projects")).StatusCode); // not marked before
        }

        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        using var reset = await reviewer.PostFormAsync($"/Admin/AccountPassword?id={organizer.Id}", new() { ["Input.NewPassword"] = "Given-By-Reviewer2" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        await AssertMustChangeThenFreeAsync(organizer.Email!, "Given-By-Reviewer2");
    }

    private async Task AssertMustChangeThenFreeAsync(string email, string reviewersPassword)
    {
        using var organizer = app.Anonymous();
        using var login = await organizer.LogInAsync(email, reviewersPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        foreach (var page in new[] { "/", "/Projects", "/Seminars" })
        {
            using var response = await organizer.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/ChangePassword", response.Headers.Location?.OriginalString);
        }

        Assert.Contains("您的密码由审核员设置", await organizer.GetPageAsync("/Account/ChangePassword"));
        using var same = await organizer.ChangePasswordAsync(reviewersPassword, reviewersPassword);
        Assert.Contains("新密码不能与当前密码相同。", await same.HtmlAsync());

        using var changed = await organizer.ChangePasswordAsync(reviewersPassword, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/Projects")).StatusCode);
    }

    private static async Task<HttpResponseMessage> ResetAsync(PortalClient client, string link, string password)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost"), link).Query);
        return await client.PostFormAsync("/Account/ResetPassword", new()
        {
            ["UserId"] = query["userId"]!,
            ["Code"] = query["code"]!,
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
        }, formPage: link);
    }
}
