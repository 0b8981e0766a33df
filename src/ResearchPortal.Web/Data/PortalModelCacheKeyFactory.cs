using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ResearchPortal.Web.Data;

/// <summary>
/// EF caches one model per context type by default, but the ID-number converter inside the model is bound to one
/// application's Data Protection key ring. Keying the cache by that binding keeps two hosts in one process (as in
/// the integration tests) from encrypting with each other's keys; a normal run still builds the model once.
/// </summary>
internal sealed class PortalModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is PortalDbContext portal
            ? (context.GetType(), portal.IdNumberProtection, designTime)
            : (context.GetType(), designTime);
}
