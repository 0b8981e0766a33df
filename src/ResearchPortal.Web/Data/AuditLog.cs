using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Data;

/// <summary>Adds audit entries to the current unit of work; they are saved with the change they describe.</summary>
public sealed class AuditLog(PortalDbContext db, PortalClock clock)
{
    /// <summary>Whether this unit of work (one request) has written an entry already.</summary>
    public bool HasRecorded { get; private set; }

    public AuditEntry Record(Actor actor, string action, string subject, Guid? planProjectId = null, string? details = null)
    {
        HasRecorded = true;
        var entry = new AuditEntry(clock.Now, actor.UserId, actor.DisplayName, action, planProjectId, subject, details);
        db.AuditEntries.Add(entry);
        return entry;
    }
}
