using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Infrastructure;


namespace ResearchPortal.Web.Pages.Spreadsheets;

/// <summary>
/// A project's lists as XLSX, for the host unit's organizers and reviewers: /Spreadsheets/Project/Roster (Annex 4),
/// /Enrollments (receipts, ID numbers masked) and /Hours (继续教育学时名单), each with ?projectId=.
/// Lists with full ID numbers are audited before they are sent.
/// </summary>
[Authorize(Policy = PortalPolicies.OrganizerOrReviewer)]
public sealed class ProjectModel(PortalDbContext db, ProjectAccess access, AuditLog audit, PortalClock clock) : PageModel
{
    public const string RosterAction = AuditActions.ExportRosterXlsx;
    public const string HoursAction = AuditActions.ExportHoursXlsx;

    public async Task<IActionResult> OnGetRosterAsync(Guid projectId)
    {
        if (await access.FindWithFilingAsync(User, projectId, HostOrReviewer.Operation(User)) is not ({ } project, var filing))
        {
            return NotFound();
        }

        var host = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == project.HostOrganizationId);
        var entries = await LoadRosterAsync(projectId);
        await AuditFullIdNumbersAsync(project, RosterAction, entries.Count);
        return new XlsxDownload(
            $"{project.ProjectNumber}-学员名单.xlsx",
            output => RosterSheet.Write(output, project, host, filing, entries, clock.Today));
    }

    public async Task<IActionResult> OnGetHoursAsync(Guid projectId)
    {
        if (await access.FindWithFilingAsync(User, projectId, HostOrReviewer.Operation(User)) is not ({ } project, var filing))
        {
            return NotFound();
        }

        var entries = await LoadRosterAsync(projectId);
        await AuditFullIdNumbersAsync(project, HoursAction, entries.Count(e => e.Passed));
        return new XlsxDownload($"{project.ProjectNumber}-继续教育学时名单.xlsx", output => HoursListSheet.Write(output, project, filing, entries));
    }

    public async Task<IActionResult> OnGetEnrollmentsAsync(Guid projectId)
    {
        if (await access.FindAsync(User, projectId, HostOrReviewer.Operation(User)) is not { } project)
        {
            return NotFound();
        }

        var receipts = await db.EnrollmentReceipts.AsNoTracking()
            .Where(r => r.PlanProjectId == projectId)
            .OrderBy(r => r.SubmittedAt)
            .ToListAsync();
        return new XlsxDownload($"{project.ProjectNumber}-报名名单.xlsx", output => EnrollmentListSheet.Write(output, project, receipts));
    }

    private Task<List<RosterEntry>> LoadRosterAsync(Guid projectId) =>
        db.RosterEntries.AsNoTracking().Where(e => e.PlanProjectId == projectId).OrderBy(e => e.Sequence).ToListAsync();

    /// <summary>Saved before the file is sent: a download that fails half way has still shown the numbers.</summary>
    private async Task AuditFullIdNumbersAsync(PlanProject project, string action, int trainees)
    {
        audit.Record(User.ToActor(), action, AuditSubjects.Project(project), project.Id, $"含完整身份证号 {trainees} 人");
        await db.SaveChangesAsync();
    }
}
