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

/// <summary>One filing as submitted (Annex 2, attachments, history) with approve / return; for a draft or returned
/// filing refused as late on a provisional date or a passed resubmission deadline, the late-submission allowance.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class FilingModel(
    PortalDbContext db, ProjectAccess access, AuditLog audit, PortalClock clock, CalendarService calendars, PortalNotifications notifications)
    : ReviewDecisionPageModel<Filing>(db, access, audit, clock)
{
    public const string ResubmitByHint = "过此日期后，承办单位须经审核员准予方可重新提交（首次提交的按期情况保留；仍在原最晚备案日期内的不受限制）。";

    /// <summary>Loaded with the record, before any handler decides.</summary>
    private WorkingDayCalendar _calendar = null!;

    public CalendarDate? LatestFilingDate { get; private set; }

    /// <summary>"首次提交 2024年8月26日，按期（最晚备案日期…）".</summary>
    public string? FirstSubmission { get; private set; }

    public IReadOnlyList<string> DateWarnings { get; private set; } = [];

    public bool MayAllowLateSubmission { get; private set; }

    [BindProperty]
    public string? AllowanceReason { get; set; }

    protected override string QueuePage => "/Review/Filings";

    public Task<IActionResult> OnPostApproveAsync() => DecideAsync(
        (filing, actor, now) => filing.Approve(actor, now, Input.Comment),
        AuditActions.FilingApproved,
        "备案已审核通过，研修班已面向全省发布。",
        () => notifications.FilingApprovedAsync(Reviewed.Project));

    public Task<IActionResult> OnPostReturnAsync() => DecideAsync(
        (filing, actor, now) => filing.Return(actor, now, Input.Comment ?? string.Empty, Input.ResubmitBy),
        AuditActions.FilingReturned,
        "备案已退回承办单位修改。",
        () => notifications.FilingReturnedAsync(Reviewed.Project, Record.LastReviewComment ?? string.Empty, Record.ResubmitBy),
        ReturnAuditDetails());

    public Task<IActionResult> OnPostAllowLateAsync() => DecideAsync(
        (filing, actor, now) => filing.AllowLateSubmission(actor, now, Clock.Today, AllowanceReason ?? string.Empty, _calendar),
        AuditActions.FilingLateSubmissionAllowed,
        "已准予承办单位逾期提交备案，并已通知承办单位。",
        () => notifications.LateFilingAllowedAsync(Reviewed.Project, Record.LateSubmissionAllowance!.Reason),
        auditDetails: AllowanceReason?.Trim(),
        stayOnPage: true);

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
        _calendar = await calendars.LoadAsync();
        if (Record.StartDate is { } start)
        {
            LatestFilingDate = FilingDeadlines.LatestFilingDate(start, _calendar);
        }

        FirstSubmission = Record.DescribeFirstSubmission(_calendar);
        DateWarnings = Record.DateWarnings(_calendar);
        MayAllowLateSubmission = Record.MayAllowLateSubmission(Clock.Today, _calendar);
    }
}
