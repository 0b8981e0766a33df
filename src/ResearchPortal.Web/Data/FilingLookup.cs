using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Filings;

namespace ResearchPortal.Web.Data;

/// <summary>The filing look-up most project pages make.</summary>
public static class FilingLookup
{
    /// <summary>The project's filing, untracked, or null while none is saved.</summary>
    public static Task<Filing?> FilingOfAsync(this PortalDbContext db, Guid projectId) =>
        db.Filings.AsNoTracking().SingleOrDefaultAsync(f => f.PlanProjectId == projectId);
}
