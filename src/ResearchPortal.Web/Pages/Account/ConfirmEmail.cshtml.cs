using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.Account;

/// <summary>The link of the registration mail: confirms the e-mail, after which the trainee can log in.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<PortalUser> userManager, AuditLog auditLog, PortalDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        var token = AccountMails.Decode(code);
        var user = userId is null ? null : await userManager.FindByIdAsync(userId);
        if (user is null || token is null || !(await userManager.ConfirmEmailAsync(user, token)).Succeeded)
        {
            return Page();
        }

        auditLog.Record(AccountAudit.ActorOf(user), AuditActions.AccountEmailConfirmed, AccountAudit.SubjectOf(user), details: AccountAudit.Source(HttpContext));
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = "邮箱已确认，请登录。";
        return RedirectToPage("/Account/Login");
    }
}
