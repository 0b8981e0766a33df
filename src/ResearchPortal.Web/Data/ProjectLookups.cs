using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;

namespace ResearchPortal.Web.Data;

/// <summary>
/// The two look-ups nearly every project page makes on every request, as compiled queries: EF otherwise walks and
/// hashes the query's expression tree each time before finding its SQL.
/// </summary>
public static class ProjectLookups
{
    private static readonly Func<PortalDbContext, Guid, Task<PlanProject?>> ProjectById =
        EF.CompileAsyncQuery((PortalDbContext db, Guid id) => db.PlanProjects.SingleOrDefault(p => p.Id == id));

    private static readonly Func<PortalDbContext, Guid, Task<Filing?>> FilingByProject =
        EF.CompileAsyncQuery((PortalDbContext db, Guid projectId) => db.Filings.AsNoTracking().SingleOrDefault(f => f.PlanProjectId == projectId));

    /// <summary>The plan project (tracked), or null.</summary>
    public static Task<PlanProject?> ProjectAsync(this PortalDbContext db, Guid id) => ProjectById(db, id);

    /// <summary>The project's filing, untracked, or null while none is saved.</summary>
    public static Task<Filing?> FilingOfAsync(this PortalDbContext db, Guid projectId) => FilingByProject(db, projectId);
}
