using System.Security.Claims;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace ResearchPortal.Web.Authorization;

/// <summary>
/// Who may open the host unit's working pages (roster, 班委/党小组, outcomes, close-out): organizers of the host unit,
/// who edit (an applicant-only unit gets 404), and reviewers, who read; the pages carry
/// <see cref="PortalPolicies.OrganizerOrReviewer"/>.
/// </summary>
public static class HostOrReviewer
{
    public static OperationAuthorizationRequirement Operation(ClaimsPrincipal user) =>
        user.IsReviewer() ? ProjectOperations.View : ProjectOperations.Manage;
}
