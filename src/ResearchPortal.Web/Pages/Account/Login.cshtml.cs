using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Authorization.Throttling;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.Account;

/// <summary>
/// Log-in. Known and unknown e-mails cost the same (one password verification) and get the same refusal; failures are
/// throttled per (account, address) rather than locking the account; every outcome is audited with the client address.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> userManager,
    PasswordCheck passwordCheck,
    LoginThrottle throttle,
    AuditLog auditLog,
    AccountMails accountMails,
    PortalDbContext db) : PageModel
{
    public const string WrongCredentials = "电子邮箱或密码不正确。";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = userManager.NormalizeEmail(Input.Email.Trim());
        var address = TooManyRequests.ClientAddress(HttpContext);
        if (await throttle.RetryAfterAsync(email, address) is { } retryAfter)
        {
            return await ThrottledAsync(email, address, retryAfter);
        }

        var user = await userManager.FindByEmailAsync(email);
        if (!await passwordCheck.VerifyAsync(user, Input.Password))
        {
            await throttle.RecordFailureAsync(email, address);
            return await RefusedAsync(user, "密码错误或账号不存在", WrongCredentials);
        }

        if (user!.IsDisabled)
        {
            return await RefusedAsync(user, "账号已停用", "该账号已被停用，请联系省人社厅专技处。");
        }

        if (!user.EmailConfirmed && await userManager.IsInRoleAsync(user, PortalRoles.Trainee))
        {
            await accountMails.SendConfirmationAsync(user);
            return await RefusedAsync(user, "邮箱未确认", "该账号的邮箱尚未确认。我们已重新发送确认邮件，请打开邮件中的链接后再登录。");
        }

        await signInManager.SignInAsync(user, isPersistent: false, authenticationMethod: "pwd");
        auditLog.Record(AccountAudit.ActorOf(user), AuditActions.AccountLoginSucceeded, AccountAudit.SubjectOf(user), details: AccountAudit.Source(HttpContext));
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/"));
    }

    private async Task<IActionResult> RefusedAsync(PortalUser? user, string reason, string message)
    {
        auditLog.Record(AccountAudit.ActorOf(user), AuditActions.AccountLoginFailed, AccountAudit.SubjectOf(user), details: $"{AccountAudit.Source(HttpContext)}：{reason}");
        await db.SaveChangesAsync();
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    /// <summary>429 with the form and a message; audited once per (account, address) and window, not per refused attempt.</summary>
    private async Task<IActionResult> ThrottledAsync(string email, string address, TimeSpan retryAfter)
    {
        if (await throttle.IsFirstRefusalAsync(email, address))
        {
            var user = await userManager.FindByEmailAsync(email);
            auditLog.Record(AccountAudit.ActorOf(user), AuditActions.AccountLoginThrottled, AccountAudit.SubjectOf(user),
                details: $"{AccountAudit.Source(HttpContext)}：登录失败次数过多，暂停 {Math.Ceiling(retryAfter.TotalMinutes)} 分钟");
            await db.SaveChangesAsync();
        }

        TooManyRequests.SetRetryAfter(Response, retryAfter);
        ModelState.AddModelError(string.Empty, $"登录失败次数过多，请 {Math.Ceiling(retryAfter.TotalMinutes)} 分钟后再试，或通过“忘记密码”重置密码。");
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "请输入电子邮箱。")]
        [EmailAddress(ErrorMessage = "电子邮箱格式不正确。")]
        [Display(Name = "电子邮箱")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "请输入密码。")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = string.Empty;
    }
}
