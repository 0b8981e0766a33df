using Microsoft.EntityFrameworkCore;

namespace ResearchPortal.Web.Data;

/// <summary>
/// A counter the database itself moves on every insert, update and delete of what a list shows, whichever instance,
/// page or script made it (triggers, migration <c>ListVersions</c>, one per provider): per project for its receipts
/// and roster entries (the enrollment queue, the roster), and one for the whole plan (<see cref="Plan"/>: projects,
/// units, filings, close-outs, plan years — the project list, both review queues, the filters' choices). Those lists read it before their rows and
/// keep each page of rows under it (<see cref="Infrastructure.Listing.ListPageCache"/>), reading the rows again only
/// when it has moved. In PostgreSQL the triggers run at commit, after the transaction's other row locks, and each takes
/// the plan's row before any project's, so the shared rows add no deadlock to parallel saves. The portal never writes
/// these rows.
/// </summary>
public sealed class ListVersion
{
    /// <summary>The scope of the plan-wide lists.</summary>
    public static readonly Guid Plan = Guid.Empty;

    private static readonly CompiledPerModel<Func<PortalDbContext, Guid, Task<long>>> Query = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, Guid scope) =>
            db.ListVersions.Where(v => v.Scope == scope).Select(v => v.Version).FirstOrDefault()));

    /// <summary>A project's id, or <see cref="Plan"/>.</summary>
    public Guid Scope { get; private set; }

    /// <summary>0 until the scope first changes.</summary>
    public long Version { get; private set; }

    /// <summary>The scope's current version (0 while nothing in it has changed).</summary>
    public static Task<long> ReadAsync(PortalDbContext db, Guid scope) => Query.For(db)(db, scope);
}
