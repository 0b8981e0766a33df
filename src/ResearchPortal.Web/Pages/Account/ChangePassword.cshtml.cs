using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Account;

/// <summary>
/// 修改密码 for every signed-in user; the one page a user whose password a reviewer set is sent to until it is changed.
/// Changing renews the security stamp, so other sessions end; this one is signed in again.
/// </summary>
[Authorize(Policy = PortalPolicies.SignedIn)]
public sealed class ChangePasswordModel(
    UserManager<PortalUser> userManager, SignInManager<PortalUser> signInManager, AuditLog auditLog, PortalDbContext db) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public bool IsRequired => PasswordChangeRequired.IsRequired(User);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.NewPassword.Length > 0 && Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.NewPassword", "新密码不能与当前密码相同。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await userManager.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        result = result.Succeeded ? await PasswordChangeRequired.ClearAsync(userManager, user) : result;
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "当前密码不正确。" : error.Description);
            }

            return Page();
        }

        auditLog.Record(User.ToActor(), AuditActions.AccountPasswordChanged, AccountAudit.SubjectOf(user), details: AccountAudit.Source(HttpContext));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await signInManager.RefreshSignInAsync(user);
        TempData["StatusMessage"] = "密码已修改。";
        return RedirectToPage("/Index");
    }

    public sealed class ChangePasswordInput : NewPasswordInput
    {
        [Required(ErrorMessage = "请输入当前密码。")]
        [DataType(DataType.Password)]
        [Display(Name = "当前密码")]
        public string CurrentPassword { get; set; } = string.Empty;
    }
}
