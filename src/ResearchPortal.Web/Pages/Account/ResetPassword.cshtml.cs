using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.Account;

/// <summary>
/// The link of the 忘记密码 mail: sets a new password. Opening it proves the mailbox, so it also confirms the e-mail, and
/// a password chosen here is the owner's own (no change required at the next log-in).
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<PortalUser> userManager, AuditLog auditLog, PortalDbContext db) : PageModel
{
    public const string InvalidLink = "重置链接无效或已过期，请重新申请“忘记密码”。";

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = AccountMails.Decode(Code);
        var user = UserId is null ? null : await userManager.FindByIdAsync(UserId);
        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, InvalidLink);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await userManager.ResetPasswordAsync(user, token, Input.NewPassword);
        if (result.Succeeded && !user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            result = await userManager.UpdateAsync(user);
        }

        result = result.Succeeded ? await PasswordChangeRequired.ClearAsync(userManager, user) : result;
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.NewPassword" : string.Empty,
                    error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? InvalidLink : error.Description);
            }

            return Page();
        }

        auditLog.Record(AccountAudit.ActorOf(user), AuditActions.AccountPasswordResetByMail, AccountAudit.SubjectOf(user), details: AccountAudit.Source(HttpContext));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["StatusMessage"] = "密码已重置，请用新密码登录。";
        return RedirectToPage("/Account/Login");
    }
}
