using Microsoft.EntityFrameworkCore;

namespace ResearchPortal.Web.Data;

/// <summary>
/// A counter per project that the database itself moves on every insert, update and delete of the project's receipts
/// and roster entries (triggers, migration <c>EnrollmentVersions</c>, one per provider), whichever instance, page or
/// script made it. The enrollment queue and the roster read it before their rows and keep each page of rows under it
/// (<see cref="Infrastructure.Listing.ListPageCache"/>), reading the rows again only when it has moved. In PostgreSQL
/// the triggers run at commit, after the transaction's other row locks, so the shared counter adds no lock-order
/// deadlock to parallel saves. The portal never writes these rows.
/// </summary>
public sealed class EnrollmentVersion
{
    private static readonly CompiledPerModel<Func<PortalDbContext, Guid, Task<long>>> Query = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, Guid projectId) =>
            db.EnrollmentVersions.Where(v => v.PlanProjectId == projectId).Select(v => v.Version).FirstOrDefault()));

    public Guid PlanProjectId { get; private set; }

    /// <summary>0 until the project's receipts or roster first change.</summary>
    public long Version { get; private set; }

    /// <summary>The project's current version (0 when nothing has changed yet).</summary>
    public static Task<long> ReadAsync(PortalDbContext db, Guid projectId) => Query.For(db)(db, projectId);
}
