using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Admin;

/// <summary>
/// 本人身份证号: the reviewer corrects the ID number a trainee account is bound to (bound at its first receipt, e.g. a
/// mistyped number). Audited with the reason; receipts already filed keep their number.
/// </summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class AccountIdNumberModel(PortalDbContext db, UserManager<PortalUser> users, PortalClock clock, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public IdNumberInput Input { get; set; } = new();

    public PortalUser Account { get; private set; } = null!;

    /// <summary>Null until the account's first receipt binds a number; there is nothing to correct then.</summary>
    public AccountIdNumber? Bound { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Bound is null)
        {
            return Page(); // says there is nothing to correct yet
        }

        var idNumber = IdNumber.Parse(Input.IdNumber, clock.Today, nameof(IdNumberInput.IdNumber));
        if (idNumber.IsFailure)
        {
            ModelState.AddDomainErrors(idNumber, nameof(Input));
            return Page();
        }

        var previous = Bound.IdNumber.Masked;
        var changed = Bound.Change(idNumber.Value, Input.Reason ?? string.Empty, User.ToActor(), clock.Now);
        if (changed.IsFailure)
        {
            ModelState.AddDomainErrors(changed, nameof(Input));
            return Page();
        }

        audit.Record(User.ToActor(), AuditActions.AccountIdNumberChanged, AuditSubjects.Account(Account.DisplayName, Account.Email),
            details: $"{previous} → {Bound.IdNumber.Masked}；更正原因：{Input.Reason!.Trim()}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = $"账号 {Account.Email} 绑定的身份证号已更正为 {Bound.IdNumber.Masked}。";
        return RedirectToPage("/Admin/Accounts");
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.FindByIdAsync(Id) is not { } account)
        {
            return false;
        }

        Account = account;
        Bound = await db.AccountIdNumbers.FindAsync(account.Id);
        return true;
    }

    public sealed class IdNumberInput
    {
        [Display(Name = "新身份证号")]
        public string? IdNumber { get; set; }

        [Display(Name = "更正原因")]
        public string? Reason { get; set; }
    }
}
