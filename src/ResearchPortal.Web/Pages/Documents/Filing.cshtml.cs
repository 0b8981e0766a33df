using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Forms;

namespace ResearchPortal.Web.Pages.Documents;

/// <summary>Annex 2 备案表 as PDF, for everyone who may view the project; phones masked for the applicant unit as on screen.</summary>
[Authorize(Policy = PortalPolicies.SignedIn)]
public sealed class FilingModel(PortalDbContext db, ProjectAccess access, IOptions<PdfFontOptions> fonts) : DocumentDownloadModel(fonts)
{
    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await access.FindWithFilingAsync(User, projectId, ProjectOperations.View) is not ({ } project, { } filing))
        {
            return NotFound();
        }

        var host = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == project.HostOrganizationId);
        var showFullPhones = User.IsReviewer() || await access.IsAllowedAsync(User, project, ProjectOperations.Manage);
        return await DownloadAsync(
            () => FilingPdf.Render(filing, project, host, showFullPhones, Fonts), $"{project.ProjectNumber}-高级研修项目备案表.pdf");
    }
}
