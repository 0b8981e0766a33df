using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Authorization;

/// <summary>
/// Loads a project only for a user allowed the operation on it. A project that does not exist and one the
/// user may not touch look the same (null → 404), so other units' projects are not even confirmed to exist.
/// </summary>
public sealed class ProjectAccess(PortalDbContext db, IAuthorizationService authorization)
{
    /// <summary>What <see cref="FindWithFilingAsync"/> reads.</summary>
    private static readonly CompiledPerModel<Func<PortalDbContext, Guid, Task<ProjectAndFiling?>>> ProjectWithFiling = new(() =>
        EF.CompileAsyncQuery((PortalDbContext context, Guid projectId) => (
            from project in context.PlanProjects.AsNoTracking()
            where project.Id == projectId
            join filing in context.Filings.AsNoTracking() on project.Id equals filing.PlanProjectId into filings
            from filing in filings.DefaultIfEmpty()
            select new ProjectAndFiling(
                project, filing, context.ListVersions.Where(v => v.Scope == project.Id).Select(v => v.Version).FirstOrDefault())).SingleOrDefault()));

    public async Task<PlanProject?> FindAsync(ClaimsPrincipal user, Guid projectId, OperationAuthorizationRequirement operation)
    {
        var project = await db.PlanProjects.FindAsync(projectId);
        return project is not null && await IsAllowedAsync(user, project, operation) ? project : null;
    }

    /// <summary>The project and its filing (null while none is saved), both untracked, and the project's list version, read
    /// in one command: for the pages that only read them.</summary>
    public async Task<ProjectAndFiling?> FindWithFilingAsync(ClaimsPrincipal user, Guid projectId, OperationAuthorizationRequirement operation)
    {
        var found = await ProjectWithFiling.For(db)(db, projectId);
        return found is not null && await IsAllowedAsync(user, found.Project, operation) ? found : null;
    }

    public async Task<bool> IsAllowedAsync(ClaimsPrincipal user, PlanProject project, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, project, operation)).Succeeded;
}

/// <summary>A project with its filing and list version, as <see cref="ProjectAccess.FindWithFilingAsync"/> reads them;
/// deconstructs into the project and the filing, which is all most pages need.</summary>
/// <param name="ListVersion">The project's <see cref="Data.ListVersion"/> as of the same command.</param>
public sealed record ProjectAndFiling(PlanProject Project, Filing? Filing, long ListVersion)
{
    public void Deconstruct(out PlanProject project, out Filing? filing) => (project, filing) = (Project, Filing);
}
