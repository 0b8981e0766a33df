using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<PortalUser> signInManager, UserManager<PortalUser> userManager) : PageModel
{
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

        var user = await userManager.FindByEmailAsync(Input.Email.Trim());
        if (user is { IsDisabled: true })
        {
            ModelState.AddModelError(string.Empty, "该账号已被停用，请联系省人社厅专技处。");
            return Page();
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/"));
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "登录失败次数过多，账号已暂时锁定，请 15 分钟后再试。"
            : "电子邮箱或密码不正确。");
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
