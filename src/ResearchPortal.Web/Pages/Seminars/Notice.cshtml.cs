using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Seminars;

/// <summary>Downloads the 举办通知 attachment; public once the filing is approved, as the notice is published province-wide.</summary>
[AllowAnonymous]
public sealed class NoticeModel(PortalDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        var seminar = await PublishedSeminars.FindAsync(db, projectId);
        if (seminar?.Filing.Notice is not { } notice)
        {
            return NotFound();
        }

        var file = await db.StoredFiles.FindAsync(notice.StoredFileId);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
