using System.Security.Claims;
using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Authorization;

/// <summary>Claims the portal adds to the sign-in cookie, and typed readers for them.</summary>
public static class PortalClaims
{
    public const string OrganizationId = "portal:organization";
    public const string DisplayName = "portal:display-name";

    public static Guid? GetOrganizationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganizationId), out var id) ? id : null;

    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user is not signed in.");

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? string.Empty;

    public static Actor ToActor(this ClaimsPrincipal user) => new(user.GetUserId(), user.GetDisplayName());

    public static bool IsReviewer(this ClaimsPrincipal user) => user.IsInRole(PortalRoles.Reviewer);

    public static bool IsOrganizer(this ClaimsPrincipal user) => user.IsInRole(PortalRoles.Organizer);

    public static bool IsTrainee(this ClaimsPrincipal user) => user.IsInRole(PortalRoles.Trainee);
}
