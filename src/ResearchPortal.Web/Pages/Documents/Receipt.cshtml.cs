using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Forms;


namespace ResearchPortal.Web.Pages.Documents;

/// <summary>One receipt (Annex 3) as PDF: for the trainee who sent it, the host unit and reviewers.</summary>
[Authorize(Policy = PortalPolicies.SignedIn)]
public sealed class ReceiptModel(PortalDbContext db, ProjectAccess access, IOptions<PdfFontOptions> fonts) : DocumentDownloadModel(fonts)
{
    public async Task<IActionResult> OnGetAsync(Guid receiptId)
    {
        if (await db.EnrollmentReceipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == receiptId) is not { } receipt)
        {
            return NotFound();
        }

        var isOwner = receipt.TraineeUserId is not null && receipt.TraineeUserId == User.GetUserId();
        var project = isOwner
            ? await db.PlanProjects.AsNoTracking().SingleAsync(p => p.Id == receipt.PlanProjectId)
            : await access.FindAsync(User, receipt.PlanProjectId, HostOrReviewer.Operation(User));
        if (project is null)
        {
            return NotFound();
        }

        return await DownloadAsync(
            () => ReceiptPdf.Render(receipt, project, Fonts), $"{project.ProjectNumber}-报名回执-{receipt.Form.Name}.pdf");
    }
}
