using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Authorization;

/// <summary>Puts the organizer's unit and the display name into the cookie so handlers need no database trip.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.OrganizationId is { } organizationId)
        {
            identity.AddClaim(new Claim(PortalClaims.OrganizationId, organizationId.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
