using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Projects;

/// <summary>One project's overview, with links to the working pages the user may open.</summary>
[Authorize(Policy = PortalPolicies.OrganizerOrReviewer)]
public sealed class DetailsModel(PortalDbContext db, ProjectAccess access, PortalClock clock, CalendarService calendars) : PageModel
{
    public ProjectRow Overview { get; private set; } = null!;

    public Filing? Filing { get; private set; }

    public CloseOut? CloseOut { get; private set; }

    public int RosterSize { get; private set; }

    /// <summary>Host unit: files, runs enrollment, roster and close-out.</summary>
    public bool CanManage { get; private set; }

    /// <summary>Applicant unit: gives the applicant score.</summary>
    public bool CanScore { get; private set; }

    public bool IsReviewer => User.IsReviewer();

    /// <summary>Reviewer: the filing is refused as late on a provisional date or a passed resubmission deadline.</summary>
    public bool CanAllowLateFiling { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await access.FindWithFilingAsync(User, id, ProjectOperations.View) is not ({ } project, var filing))
        {
            return NotFound();
        }

        CanManage = await access.IsAllowedAsync(User, project, ProjectOperations.Manage);
        CanScore = await access.IsAllowedAsync(User, project, ProjectOperations.ScoreAsApplicant);
        Filing = filing;
        CloseOut = await db.CloseOuts.AsNoTracking().SingleOrDefaultAsync(c => c.PlanProjectId == id);
        RosterSize = await db.RosterEntries.CountAsync(r => r.PlanProjectId == id);
        var host = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == project.HostOrganizationId);
        var applicant = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == project.ApplicantOrganizationId);
        var calendar = await calendars.LoadAsync();
        var progress = ProjectProgress.Evaluate(project, Filing, CloseOut, clock.Today, calendar);
        CanAllowLateFiling = IsReviewer && Filing is not null && Filing.MayAllowLateSubmission(clock.Today, calendar);
        Overview = new ProjectRow(project, host, applicant, progress);
        return Page();
    }
}
