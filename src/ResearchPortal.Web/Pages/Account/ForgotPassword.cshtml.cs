using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.Account;

/// <summary>忘记密码: mails a reset link to an existing, enabled account; the answer is the same for any e-mail.</summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<PortalUser> userManager, AuditLog auditLog, AccountMails accountMails, PortalDbContext db)
    : PageModel
{
    public const string MailSent = "如果该邮箱已注册，重置密码的邮件已经发出，请查收并在 24 小时内打开邮件中的链接。";

    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await userManager.FindByEmailAsync(Input.Email.Trim()) is { IsDisabled: false } user)
        {
            auditLog.Record(AccountAudit.ActorOf(user), AuditActions.AccountPasswordResetRequested, AccountAudit.SubjectOf(user), details: AccountAudit.Source(HttpContext));
            await accountMails.SendPasswordResetAsync(user);
            await db.SaveChangesAsync();
        }

        TempData["StatusMessage"] = MailSent;
        return RedirectToPage("/Account/Login");
    }

    public sealed class ForgotPasswordInput
    {
        [Required(ErrorMessage = "请输入电子邮箱。")]
        [EmailAddress(ErrorMessage = "电子邮箱格式不正确。")]
        [Display(Name = "电子邮箱")]
        public string Email { get; set; } = string.Empty;
    }
}
