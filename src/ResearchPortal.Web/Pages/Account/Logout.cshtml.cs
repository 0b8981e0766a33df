using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Account;

/// <summary>
/// Log-out ends the session on the server: a new security stamp makes every cookie issued so far, a copied one
/// included, fail its next request (checked on each request by SessionStamp). This ends the account's other sessions too.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<PortalUser> signInManager, UserManager<PortalUser> userManager) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is { } user)
        {
            await userManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
