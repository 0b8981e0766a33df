using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Authorization;

/// <summary>
/// Checks the sign-in cookie's security stamp against the account on every request, so a cookie stops working as soon
/// as the stamp changes (log-out, password change or reset, account disabled), not at Identity's next periodic check.
/// It costs one primary-key read of one column per signed-in request; Identity's periodic validator still runs after it
/// to refresh the cookie's claims.
/// </summary>
public static class SessionStamp
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        // The error page re-executed after a failure renders without the account rather than query again: the failure
        // may be the database itself (no free connection), and the page shows nothing of the account's.
        if (context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            context.RejectPrincipal();
            return;
        }

        if (context.Principal is { } principal && !await IsCurrentAsync(context.HttpContext, principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static async Task<bool> IsCurrentAsync(HttpContext httpContext, ClaimsPrincipal principal)
    {
        var services = httpContext.RequestServices;
        var claimTypes = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claimTypes.UserIdClaimType);
        var stamp = principal.FindFirstValue(claimTypes.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return false;
        }

        var current = await services.GetRequiredService<PortalDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => u.SecurityStamp)
            .SingleOrDefaultAsync(httpContext.RequestAborted);
        return current == stamp;
    }
}
