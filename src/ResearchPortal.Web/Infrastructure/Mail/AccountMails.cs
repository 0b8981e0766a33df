using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Infrastructure.Mail;

/// <summary>
/// Mails about the account itself: the registration confirmation link, the password-reset link, and the notice to an
/// existing owner whose address someone tried to register again. Queued in the <see cref="MailOutbox"/> before the
/// page saves; a delivery failure is retried by the outbox, never shown: the page answers the same either way.
/// </summary>
public sealed class AccountMails(UserManager<PortalUser> users, MailOutbox outbox, PortalLinks links)
{
    public const string ConfirmEmailPage = "/Account/ConfirmEmail";
    public const string ResetPasswordPage = "/Account/ResetPassword";

    public async Task SendConfirmationAsync(PortalUser user)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.To(ConfirmEmailPage, new { userId = user.Id, code });
        await SendAsync(user, "【请确认邮箱】高级研修项目管理平台学员注册",
            $"您已使用本邮箱注册高级研修项目管理平台的学员账号。请在 24 小时内打开下面的链接确认邮箱，确认后即可登录：\n{link}\n\n如果不是您本人注册，请忽略本邮件。");
    }

    public Task SendAlreadyRegisteredAsync(PortalUser user) =>
        SendAsync(user, "【提醒】有人用您的邮箱申请注册",
            $"有人使用本邮箱申请注册高级研修项目管理平台的账号，但该邮箱已有账号，因此未创建新账号。\n如果是您本人，请直接登录；忘记密码可在登录页点击“忘记密码”：\n{links.To(Data.IdentityServiceCollectionExtensions.LoginPath)}\n\n如果不是您本人，请忽略本邮件，您的账号未受影响。");

    public async Task SendPasswordResetAsync(PortalUser user)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.To(ResetPasswordPage, new { userId = user.Id, code });
        await SendAsync(user, "【重置密码】高级研修项目管理平台",
            $"您申请了重置密码。请在 24 小时内打开下面的链接设置新密码：\n{link}\n\n如果不是您本人申请，请忽略本邮件，您的密码不会改变。");
    }

    /// <summary>The token as it travels in a link's query string.</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token back from a link; null when the link was mangled.</summary>
    public static string? Decode(string? code)
    {
        try
        {
            return code is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private Task SendAsync(PortalUser user, string subject, string body)
    {
        if (user.Email is not null)
        {
            outbox.Enqueue(user.Email, user.DisplayName, subject, $"{user.DisplayName}：\n\n{body}\n\n山东省专业技术人才知识更新工程 高级研修项目管理平台");
        }

        return Task.CompletedTask;
    }
}
