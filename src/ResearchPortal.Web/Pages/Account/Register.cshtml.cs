using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Account;

/// <summary>Trainees register themselves; organizer and reviewer accounts are created by reviewers.</summary>
[AllowAnonymous]
public sealed class RegisterModel(
    UserManager<PortalUser> userManager, SignInManager<PortalUser> signInManager, AuditLog auditLog, PortalDbContext db)
    : PageModel
{
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
        var created = await userManager.CreateAsync(user, Input.Password);
        if (created.Succeeded)
        {
            created = await userManager.AddToRoleAsync(user, PortalRoles.Trainee);
        }

        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        auditLog.Record(new Actor(user.Id, user.DisplayName), AuditActions.AccountRegistered, email);
        await db.SaveChangesAsync();
        await signInManager.SignInAsync(user, isPersistent: false);
        TempData["StatusMessage"] = "注册成功，欢迎使用。";
        return RedirectToPage("/Index");
    }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "请输入姓名。")]
        [StringLength(PortalUser.DisplayNameMaxLength, ErrorMessage = "姓名不超过 {1} 个字。")]
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
