using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Forms;

namespace ResearchPortal.Web.Pages.Documents;

/// <summary>Annex 5 绩效评价自评报告 as PDF, for everyone who may view the project.</summary>
[Authorize(Policy = PortalPolicies.SignedIn)]
public sealed class SelfEvaluationModel(PortalDbContext db, ProjectAccess access, IOptions<PdfFontOptions> fonts) : DocumentDownloadModel(fonts)
{
    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await access.FindAsync(User, projectId, ProjectOperations.View) is not { } project
            || await db.CloseOuts.AsNoTracking().SingleOrDefaultAsync(c => c.PlanProjectId == projectId) is not { } closeOut)
        {
            return NotFound();
        }

        return await DownloadAsync(
            () => SelfEvaluationPdf.Render(closeOut.Report, project, Fonts), $"{project.ProjectNumber}-绩效评价自评报告.pdf");
    }
}
