using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Authorization;

/// <summary>
/// A password a reviewer chose (a new account, a reset) is known to the reviewer, so its owner must replace it at the
/// next log-in. The mark is an Identity user claim (no schema change), carried into the cookie; this one global page
/// filter sends a marked user to 修改密码 from every other page until the password is changed.
/// </summary>
public sealed class PasswordChangeRequired : IAsyncPageFilter
{
    public const string ClaimType = "portal:must-change-password";

    public const string ChangePasswordPage = "/Account/ChangePassword";

    /// <summary>Pages a marked user may still open: changing the password, leaving, and the error pages (/Error…).</summary>
    private static readonly HashSet<string> OpenPages = new(StringComparer.OrdinalIgnoreCase)
    {
        ChangePasswordPage, "/Account/Logout", "/Account/AccessDenied",
    };

    public static bool IsRequired(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ClaimType);

    /// <summary>Marks an account whose password a reviewer has just chosen.</summary>
    public static async Task<IdentityResult> MarkAsync(UserManager<PortalUser> users, PortalUser user) =>
        (await users.GetClaimsAsync(user)).Any(c => c.Type == ClaimType)
            ? IdentityResult.Success
            : await users.AddClaimAsync(user, new Claim(ClaimType, "true"));

    public static async Task<IdentityResult> ClearAsync(UserManager<PortalUser> users, PortalUser user)
    {
        var marks = (await users.GetClaimsAsync(user)).Where(c => c.Type == ClaimType).ToList();
        return marks.Count == 0 ? IdentityResult.Success : await users.RemoveClaimsAsync(user, marks);
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (IsRequired(context.HttpContext.User) && !OpenPages.Contains(page) && !page.StartsWith("/Error", StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new RedirectToPageResult(ChangePasswordPage);
            return;
        }

        await next();
    }
}
