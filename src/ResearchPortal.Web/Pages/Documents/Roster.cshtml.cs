using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Forms;
using ResearchPortal.Web.Infrastructure;


namespace ResearchPortal.Web.Pages.Documents;

/// <summary>
/// Annex 4 学员名单 as PDF for the host unit and reviewers. It carries full ID numbers (it is filed with the province),
/// so every download is audited as an export.
/// </summary>
[Authorize(Policy = PortalPolicies.SignedIn)]
public sealed class RosterModel(PortalDbContext db, ProjectAccess access, AuditLog audit, PortalClock clock, IOptions<PdfFontOptions> fonts)
    : DocumentDownloadModel(fonts)
{

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await access.FindWithFilingAsync(User, projectId, HostOrReviewer.Operation(User)) is not ({ } project, var filing))
        {
            return NotFound();
        }

        var host = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == project.HostOrganizationId);
        var entries = await db.RosterEntries.AsNoTracking().Where(e => e.PlanProjectId == projectId).OrderBy(e => e.Sequence).ToListAsync();
        return await DownloadAsync(
            () => RosterPdf.Render(project, host, filing, entries, clock.Today, Fonts),
            $"{project.ProjectNumber}-学员名单.pdf",
            afterRender: async () =>
            {
                audit.Record(User.ToActor(), AuditActions.ExportRosterPdf, AuditSubjects.Project(project), project.Id, $"学员名单 PDF，{entries.Count} 人，含完整身份证号");
                await db.SaveChangesAsync();
            });
    }
}
