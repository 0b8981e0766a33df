using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Authorization.Passwords;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Pages.Account;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Account;

[Collection(PortalCollections.Accounts)]
public sealed class RegistrationTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task Registering_a_taken_e_mail_answers_exactly_like_a_new_one_and_mails_the_owner_a_notice()
    {
        var owner = await app.CreateUserAsync(PortalRoles.Organizer, displayName: "已有账号");
        var fresh = AccountForms.NewEmail("fresh");

        var (takenStatus, takenAnswer) = await RegisterAndReadAnswerAsync(owner.Email!);
        var (freshStatus, freshAnswer) = await RegisterAndReadAnswerAsync(fresh);

        Assert.Equal(HttpStatusCode.Redirect, takenStatus);
        Assert.Equal(freshStatus, takenStatus);
        Assert.Contains(RegisterModel.CheckYourMail, takenAnswer);
        Assert.Contains(RegisterModel.CheckYourMail, freshAnswer);
        Assert.DoesNotContain("已被注册", takenAnswer);

        var ownerMail = Assert.Single(app.Mails(), mail => mail.To == owner.Email);
        Assert.Contains("有人用您的邮箱申请注册", ownerMail.Subject);
        Assert.Single(app.Mails(), mail => mail.To == fresh && mail.Body.Contains("/Account/ConfirmEmail", StringComparison.Ordinal));
        Assert.True(await app.CanLogInAsync(owner.Email!, PortalApp.Password)); // the owner's account is untouched
        await using var db = app.NewContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == owner.Email));
    }

    [Fact]
    public async Task A_registered_trainee_logs_in_only_after_opening_the_mailed_confirmation_link()
    {
        var email = AccountForms.NewEmail("trainee");
        using var visitor = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.RegisterAsync(email, PortalApp.Password)).StatusCode);

        using var unconfirmed = await visitor.LogInAsync(email, PortalApp.Password);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("邮箱尚未确认", await unconfirmed.HtmlAsync());

        using var confirm = await visitor.GetAsync(app.MailedLink(email, "/Account/ConfirmEmail"));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.True(await app.CanLogInAsync(email, PortalApp.Password));
        await using var db = app.NewContext();
        var trainee = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(trainee.EmailConfirmed);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Account.EmailConfirmed" && e.UserId == trainee.Id));
    }

    [Fact]
    public async Task A_forged_confirmation_link_confirms_nothing()
    {
        var email = AccountForms.NewEmail("trainee");
        using var visitor = app.Anonymous();
        (await visitor.RegisterAsync(email, PortalApp.Password)).Dispose();
        await using var db = app.NewContext();
        var trainee = await db.Users.SingleAsync(u => u.Email == email);

        var page = await visitor.GetPageAsync($"/Account/ConfirmEmail?userId={trainee.Id}&code=Zm9yZ2Vk");

        Assert.Contains("确认链接无效或已过期", page);
        Assert.False(await app.CanLogInAsync(email, PortalApp.Password));
    }

    [Theory]
    [InlineData("Short1abc", "密码至少 10 位。")]
    [InlineData("Password123", CommonPasswordValidator.ErrorMessage)]
    [InlineData("Qwertyuiop1", CommonPasswordValidator.ErrorMessage)]
    public async Task Short_and_common_passwords_are_refused_with_a_chinese_message_keeping_what_was_typed(string password, string message)
    {
        var email = AccountForms.NewEmail("weak");
        using var visitor = app.Anonymous();

        using var response = await visitor.RegisterAsync(email, password, name: "弱密码学员");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html);
        Assert.Contains("弱密码学员", html);
        await using var db = app.NewContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    private async Task<(HttpStatusCode Status, string Answer)> RegisterAndReadAnswerAsync(string email)
    {
        using var visitor = app.Anonymous();
        using var response = await visitor.RegisterAsync(email, "Another-Pass2026");
        var next = response.Headers.Location?.OriginalString ?? string.Empty;
        return (response.StatusCode, next.Length > 0 ? System.Net.WebUtility.HtmlDecode(await visitor.GetPageAsync(next)) : string.Empty);
    }
}
