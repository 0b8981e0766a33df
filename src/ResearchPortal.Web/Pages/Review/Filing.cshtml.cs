using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>One filing as submitted (Annex 2, attachments, history) with approve / return.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class FilingModel(
    PortalDbContext db, ProjectAccess access, AuditLog audit, PortalClock clock, CalendarService calendars, PortalNotifications notifications)
    : ReviewDecisionPageModel<Filing>(db, access, audit, clock)
{
    public CalendarDate? LatestFilingDate { get; private set; }

    protected override string QueuePage => "/Review/Filings";

    public Task<IActionResult> OnPostApproveAsync() => DecideAsync(
        (filing, actor, now) => filing.Approve(actor, now, Input.Comment),
        AuditActions.FilingApproved,
        "备案已审核通过，研修班已面向全省发布。",
        () => notifications.FilingApprovedAsync(Reviewed.Project));

    public Task<IActionResult> OnPostReturnAsync() => DecideAsync(
        (filing, actor, now) => filing.Return(actor, now, Input.Comment ?? string.Empty),
        AuditActions.FilingReturned,
        "备案已退回承办单位修改。",
        () => notifications.FilingReturnedAsync(Reviewed.Project, Record.LastReviewComment ?? string.Empty));

    public async Task<IActionResult> OnGetAttachmentAsync(Guid fileId)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        // Only this filing's own attachments: a guessed file id must not open another unit's upload.
        if (fileId != Record.ImplementationPlan?.StoredFileId && fileId != Record.Notice?.StoredFileId)
        {
            return NotFound();
        }

        var file = await Db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    protected override Task<Filing?> FindRecordAsync(Guid projectId) =>
        Db.Filings.SingleOrDefaultAsync(f => f.PlanProjectId == projectId);

    protected override async Task OnLoadedAsync()
    {
        if (Record.StartDate is { } start)
        {
            LatestFilingDate = FilingDeadlines.LatestFilingDate(start, await calendars.LoadAsync());
        }
    }
}
