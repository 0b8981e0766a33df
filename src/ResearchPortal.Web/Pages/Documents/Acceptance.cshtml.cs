using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Forms;

namespace ResearchPortal.Web.Pages.Documents;

/// <summary>Annex 6 执行情况验收表 as PDF for everyone who may view the project; <c>copies=3</c> prints it 一式三份.</summary>
[Authorize(Policy = PortalPolicies.SignedIn)]
public sealed class AcceptanceModel(PortalDbContext db, ProjectAccess access, IOptions<PdfFontOptions> fonts) : DocumentDownloadModel(fonts)
{
    public async Task<IActionResult> OnGetAsync(Guid projectId, int copies = 1)
    {
        if (copies is < 1 or > AcceptancePdf.MaxCopies)
        {
            return BadRequest();
        }

        if (await access.FindAsync(User, projectId, ProjectOperations.View) is not { } project
            || await db.CloseOuts.AsNoTracking().SingleOrDefaultAsync(c => c.PlanProjectId == projectId) is not { } closeOut)
        {
            return NotFound();
        }

        var suffix = copies == AcceptancePdf.MaxCopies ? "（一式三份）" : string.Empty;
        return await DownloadAsync(
            () => AcceptancePdf.Render(closeOut.Acceptance, project, copies, Fonts), $"{project.ProjectNumber}-执行情况验收表{suffix}.pdf");
    }
}
