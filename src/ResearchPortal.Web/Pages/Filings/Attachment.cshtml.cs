using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Filings;

/// <summary>Downloads a filing's 实施方案 or 举办通知 for anyone who may view the project.</summary>
[Authorize(Policy = PortalPolicies.SignedIn)]
public sealed class AttachmentModel(PortalDbContext db, ProjectAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid projectId, FilingAttachmentKind kind)
    {
        if (await access.FindWithFilingAsync(User, projectId, ProjectOperations.View) is not (_, { } filing) || kind.Of(filing) is not { } attachment)
        {
            return NotFound();
        }

        var file = await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == attachment.StoredFileId);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
