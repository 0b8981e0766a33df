using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Forms;


namespace ResearchPortal.Web.Pages.Documents;

/// <summary>All of a project's receipts (Annex 3) in one PDF, for the host unit and reviewers; withdrawn ones are left out.</summary>
[Authorize(Policy = PortalPolicies.SignedIn)]
public sealed class ReceiptsModel(PortalDbContext db, ProjectAccess access, IOptions<PdfFontOptions> fonts) : DocumentDownloadModel(fonts)
{
    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await access.FindAsync(User, projectId, HostOrReviewer.Operation(User)) is not { } project)
        {
            return NotFound();
        }

        var receipts = await db.EnrollmentReceipts.AsNoTracking()
            .Where(r => r.PlanProjectId == projectId && r.Status != ReceiptStatus.Withdrawn)
            .OrderBy(r => r.SubmittedAt)
            .ToListAsync();
        if (receipts.Count == 0)
        {
            return NothingToPrint(projectId, "该项目还没有报名回执。");
        }

        return await DownloadAsync(() => ReceiptPdf.Render(receipts, project, Fonts), $"{project.ProjectNumber}-报名回执.pdf");
    }
}
