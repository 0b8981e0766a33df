using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Authorization;

/// <summary>
/// Loads a project only for a user allowed the operation on it. A project that does not exist and one the
/// user may not touch look the same (null → 404), so other units' projects are not even confirmed to exist.
/// </summary>
public sealed class ProjectAccess(PortalDbContext db, IAuthorizationService authorization)
{
    public async Task<PlanProject?> FindAsync(ClaimsPrincipal user, Guid projectId, OperationAuthorizationRequirement operation)
    {
        var project = await db.PlanProjects.FindAsync(projectId);
        return project is not null && await IsAllowedAsync(user, project, operation) ? project : null;
    }

    public async Task<bool> IsAllowedAsync(ClaimsPrincipal user, PlanProject project, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, project, operation)).Succeeded;
}
