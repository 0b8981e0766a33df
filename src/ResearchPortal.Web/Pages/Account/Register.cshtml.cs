using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.Account;

/// <summary>
/// Trainees register themselves; organizer and reviewer accounts are created by reviewers. The answer never tells
/// whether the e-mail already has an account: a new account gets a confirmation link, an existing owner a notice, and
/// both see "请查收确认邮件". The account can log in once the link is opened.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(UserManager<PortalUser> userManager, AuditLog auditLog, AccountMails accountMails, PortalDbContext db)
    : PageModel
{
    public const string CheckYourMail = "注册申请已提交，请查收确认邮件：打开邮件中的链接确认邮箱后即可登录。";

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = Input.DisplayName.Trim() };
        var passwordErrors = await PasswordErrorsAsync(user);
        if (passwordErrors.Count > 0)
        {
            return Refused(passwordErrors);
        }

        if (await userManager.FindByEmailAsync(email) is { } owner)
        {
            // As much work as creating an account (one password hash), so the answer takes about as long.
            userManager.PasswordHasher.HashPassword(user, Input.Password);
            return await AlreadyRegisteredAsync(owner);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await userManager.CreateAsync(user, Input.Password);
        var result = created.Succeeded ? await userManager.AddToRoleAsync(user, PortalRoles.Trainee) : created;
        if (!result.Succeeded)
        {
            return Refused(result.Errors);
        }

        auditLog.Record(AccountAudit.ActorOf(user), AuditActions.AccountRegistered, AccountAudit.SubjectOf(user), details: AccountAudit.Source(HttpContext));
        await accountMails.SendConfirmationAsync(user);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return CheckYourMailRedirect();
    }

    private async Task<IActionResult> AlreadyRegisteredAsync(PortalUser owner)
    {
        auditLog.Record(AccountAudit.ActorOf(null), AuditActions.AccountRegisteredAgain, AccountAudit.SubjectOf(owner), details: AccountAudit.Source(HttpContext));
        await accountMails.SendAlreadyRegisteredAsync(owner);
        await db.SaveChangesAsync();
        return CheckYourMailRedirect();
    }

    private RedirectToPageResult CheckYourMailRedirect()
    {
        TempData["StatusMessage"] = CheckYourMail;
        return RedirectToPage("/Account/Login");
    }

    private async Task<List<IdentityError>> PasswordErrorsAsync(PortalUser user)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in userManager.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(userManager, user, Input.Password)).Errors);
        }

        return errors;
    }

    private PageResult Refused(IEnumerable<IdentityError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
        }

        return Page();
    }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "请输入姓名。")]
        [CharacterLength(PortalUser.DisplayNameMaxLength, ErrorMessage = "姓名不超过 {1} 个字。")]
        [Display(Name = "姓名")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "请输入电子邮箱。")]
        [EmailAddress(ErrorMessage = "电子邮箱格式不正确。")]
        [Display(Name = "电子邮箱")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "请输入密码。")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "请再次输入密码。")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "两次输入的密码不一致。")]
        [Display(Name = "确认密码")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
