using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Roster;

/// <summary>One trainee's roster row with the full ID number; every view is written to the audit log.</summary>
[Authorize(Policy = PortalPolicies.OrganizerOrReviewer)]
public sealed class PersonModel(PortalDbContext db, ProjectAccess access, AuditLog audit) : PageModel
{
    public PlanProject Project { get; private set; } = null!;

    public RosterEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid projectId, Guid entryId)
    {
        if (await access.FindAsync(User, projectId, HostOrReviewer.Operation(User)) is not { } project
            || await db.RosterEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId && e.PlanProjectId == projectId) is not { } entry)
        {
            return NotFound();
        }

        Project = project;
        Entry = entry;
        audit.Record(User.ToActor(), AuditActions.IdNumberViewed, AuditSubjects.InProject(project, entry.Name), project.Id, $"名单序号 {entry.Sequence}");
        await db.SaveChangesAsync();
        return Page();
    }
}
