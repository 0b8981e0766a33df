using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Admin;

/// <summary>
/// 重置密码: the reviewer sets a new password for an account (Identity's rules and messages apply), which its owner must
/// change at the next log-in. Owners who can read their mail reset it themselves through 忘记密码.
/// </summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class AccountPasswordModel(PortalDbContext db, UserManager<PortalUser> users, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public PortalUser Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        // Resetting also renews the security stamp, so sessions signed in with the old password end.
        var token = await users.GeneratePasswordResetTokenAsync(Account);
        var result = await users.ResetPasswordAsync(Account, token, Input.NewPassword!);
        // The reviewer knows the new password: its owner replaces it at the next log-in.
        result = result.Succeeded ? await PasswordChangeRequired.MarkAsync(users, Account) : result;
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.NewPassword", error.Description);
            }

            return Page();
        }

        audit.Record(User.ToActor(), AuditActions.AccountPasswordReset, AuditSubjects.Account(Account.DisplayName, Account.Email));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["StatusMessage"] = $"账号 {Account.Email} 的密码已重置。";
        return RedirectToPage("/Admin/Accounts");
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.FindByIdAsync(Id) is not { } account)
        {
            return false;
        }

        Account = account;
        return true;
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "请输入新密码。")]
        [DataType(DataType.Password)]
        [Display(Name = "新密码")]
        public string? NewPassword { get; set; }
    }
}
