using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Exports;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>
/// Every file a signed-in user downloads (annex PDFs, certificates, XLSX lists) leaves an audit entry: who, when,
/// which document and project. Pages that audit their own export in more detail (full ID numbers) are not
/// recorded twice.
/// </summary>
public sealed class ExportAuditFilter(AuditLog auditLog, PortalDbContext db) : IAsyncPageFilter
{

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var user = executed.HttpContext.User;
        if (executed.Result is not (FileResult or XlsxDownload) || user.Identity?.IsAuthenticated != true || auditLog.HasRecorded)
        {
            return;
        }

        var request = executed.HttpContext.Request;
        var projectId = Guid.TryParse(request.Query["projectId"], CultureInfo.InvariantCulture, out var id) ? id : (Guid?)null;
        auditLog.Record(user.ToActor(), AuditActions.ExportDownload, $"{request.Path}{request.QueryString}", projectId, FileName(executed.Result));
        await db.SaveChangesAsync();
    }

    private static string? FileName(IActionResult? result) => result switch
    {
        FileResult file => file.FileDownloadName,
        _ => null,
    };
}
