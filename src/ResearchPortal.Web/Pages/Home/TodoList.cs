using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Home;

/// <summary>One thing waiting for the signed-in user, linking to the page where it is done.</summary>
/// <param name="Deadline">The project's next deadline (<see cref="ProjectProgress"/>), shown with its working days.</param>
public sealed record TodoItem(string Title, string Detail, NextDeadline? Deadline, string Page, Guid? ProjectId)
{
    public string? DeadlineText => Deadline is null ? null : Domain.Projects.DeadlineText.Describe(Deadline);

    public bool IsOverdue => Deadline?.IsOverdue == true;

    public IDictionary<string, string> Route => ProjectId is { } id
        ? new Dictionary<string, string> { ["projectId"] = id.ToString() }
        : new Dictionary<string, string>();
}

/// <summary>A heading with how many items wait, the first <see cref="TodoList.Shown"/> of them and the full list's page.</summary>
public sealed record TodoGroup(string Heading, int Count, IReadOnlyList<TodoItem> Items, string? AllPage = null)
{
    public int NotShown => Count - Items.Count;
}

/// <summary>
/// 待办: what waits for a reviewer, an organizer (as host or applicant unit) or a trainee. A few bounded queries read
/// only the columns needed; every deadline and working-day count comes from <see cref="ProjectProgress"/>.
/// </summary>
public sealed class TodoList(PortalDbContext db, WorkingDayCalendar calendar, DateOnly today, DateTimeOffset now)
{
    /// <summary>Items shown per heading; the rest are counted and reached through the full list.</summary>
    public const int Shown = 10;

    /// <summary>How long a decided receipt stays on a trainee's list.</summary>
    public static readonly TimeSpan RecentDecision = TimeSpan.FromDays(30);

    private const string AllProjects = "/Projects/Index";

    private const string MyEnrollments = "/Enrollments/Mine";

    public async Task<IReadOnlyList<TodoGroup>> ForReviewerAsync()
    {
        var submittedFilings = db.Filings.Where(f => f.Status == FilingStatus.Submitted);
        var filingCount = await submittedFilings.CountAsync();
        var filings = await (
            from filing in submittedFilings
            join project in db.PlanProjects on filing.PlanProjectId equals project.Id
            orderby filing.SubmittedAt
            select new { project.Id, project.ProjectNumber, project.Name, filing.SubmittedAt, filing.Dates })
            .Take(Shown)
            .ToListAsync();

        var submittedCloseOuts = db.CloseOuts.Where(c => c.Status == CloseOutStatus.Submitted);
        var closeOutCount = await submittedCloseOuts.CountAsync();
        var closeOuts = await (
            from closeOut in submittedCloseOuts
            join project in db.PlanProjects on closeOut.PlanProjectId equals project.Id
            orderby closeOut.SubmittedAt
            select new { project.Id, project.ProjectNumber, project.Name, closeOut.SubmittedAt })
            .Take(Shown)
            .ToListAsync();

        return NonEmpty(
            new TodoGroup("待审核的备案", filingCount, filings
                .Select(row => new TodoItem(
                    Title(row.ProjectNumber, row.Name),
                    Submitted(row.SubmittedAt),
                    Progress(FilingStatus.Submitted, row.Dates, null).NextDeadline,
                    "/Review/Filing",
                    row.Id))
                .ToList(), "/Review/Filings"),
            new TodoGroup("待审核的结业材料", closeOutCount, closeOuts
                .Select(row => new TodoItem(Title(row.ProjectNumber, row.Name), Submitted(row.SubmittedAt), null, "/Review/CloseOut", row.Id))
                .ToList(), "/Review/CloseOuts"));
    }

    /// <summary>The unit's open projects, as host (filing, enrollment queue, close-out) and as applicant (score).</summary>
    public async Task<IReadOnlyList<TodoGroup>> ForOrganizerAsync(Guid organizationId)
    {
        // A unit has tens of open projects at most: closed ones drop out, and unfiled ones once their plan year is over.
        var rows = await (
            from project in db.PlanProjects
            where project.HostOrganizationId == organizationId || project.ApplicantOrganizationId == organizationId
            join year in db.PlanYears on project.Year equals year.Year
            join filing in db.Filings on project.Id equals filing.PlanProjectId into filings
            from filing in filings.DefaultIfEmpty()
            join closeOut in db.CloseOuts on project.Id equals closeOut.PlanProjectId into closeOuts
            from closeOut in closeOuts.DefaultIfEmpty()
            where closeOut == null || closeOut.Status != CloseOutStatus.Accepted
            where filing != null || year.CompletionDeadline >= today
            select new OrganizerRow(
                project.Id,
                Title(project.ProjectNumber, project.Name),
                project.HostOrganizationId == organizationId,
                project.ApplicantOrganizationId == organizationId,
                year.CompletionDeadline,
                filing == null ? null : (FilingStatus?)filing.Status,
                filing == null ? null : filing.Dates,
                closeOut == null ? null : (CloseOutStatus?)closeOut.Status,
                closeOut != null && closeOut.Acceptance.ApplicantScore != null))
            .ToListAsync();
        var waiting = await (
            from receipt in db.EnrollmentReceipts
            where receipt.Status == ReceiptStatus.Submitted
            join project in db.PlanProjects on receipt.PlanProjectId equals project.Id
            where project.HostOrganizationId == organizationId
            group receipt by receipt.PlanProjectId into receipts
            select new { ProjectId = receipts.Key, Count = receipts.Count(), Oldest = receipts.Min(r => r.SubmittedAt) })
            .ToListAsync();
        var receiptsWaiting = waiting.ToDictionary(
            w => w.ProjectId,
            w => $"{w.Count} 份回执待录取，最早提交于 {ChineseDate.Format(DateOnly.FromDateTime(w.Oldest.DateTime))}");

        var hosted = rows.Where(r => r.IsHost).Select(r => (Row: r, Progress: Progress(r.FilingStatus, r.Dates, r.CloseOutStatus))).ToList();
        var applied = rows.Where(r => r.IsApplicant).Select(r => (Row: r, Progress: Progress(r.FilingStatus, r.Dates, r.CloseOutStatus))).ToList();
        return NonEmpty(
            Group("待填报的备案", hosted
                .Where(p => p.Row.FilingStatus is null or FilingStatus.Draft && p.Row.CompletionDeadline >= today)
                .Select(p => Item(p, p.Row.Dates is null ? "尚未填写举办日期" : "备案草稿", "/Filings/Edit")), AllProjects),
            Group("被退回的备案", hosted
                .Where(p => p.Row.FilingStatus == FilingStatus.Returned)
                .Select(p => Item(p, "请按审核意见修改后重新提交", "/Filings/Edit")), AllProjects),
            Group("待处理的报名回执", hosted
                .Where(p => receiptsWaiting.ContainsKey(p.Row.ProjectId))
                .Select(p => Item(p, receiptsWaiting[p.Row.ProjectId], "/Enrollments/Queue")), AllProjects),
            Group("待报送的结业材料", hosted
                .Where(p => p.Progress.Status == ProjectStatus.ClosingOut && p.Row.CloseOutStatus is null or CloseOutStatus.Draft)
                .Select(p => Item(p, p.Row.CloseOutStatus is null ? "尚未开始填写" : "结业材料草稿", "/CloseOuts/Edit")), AllProjects),
            Group("被退回的结业材料", hosted
                .Where(p => p.Row.CloseOutStatus == CloseOutStatus.Returned)
                .Select(p => Item(p, "请按审核意见修改后重新提交", "/CloseOuts/Edit")), AllProjects),
            Group("待填写的验收评分", applied
                .Where(p => p.Progress.Status == ProjectStatus.ClosingOut && !p.Row.ApplicantScored
                    && p.Row.CloseOutStatus is null or CloseOutStatus.Draft or CloseOutStatus.Returned)
                .Select(p => Item(p, "研修已结束，承办单位报送结业材料前需要申报单位验收评分", "/CloseOuts/ApplicantScore")), AllProjects));
    }

    /// <summary>Seminars coming up, research outcomes to hand in, and recent answers to the trainee's receipts.</summary>
    public async Task<IReadOnlyList<TodoGroup>> ForTraineeAsync(string userId)
    {
        var receipts = await (
            from receipt in db.EnrollmentReceipts
            where receipt.TraineeUserId == userId && (receipt.Status == ReceiptStatus.Accepted || receipt.Status == ReceiptStatus.Declined)
            join project in db.PlanProjects on receipt.PlanProjectId equals project.Id
            join filing in db.Filings on project.Id equals filing.PlanProjectId
            select new { project.Id, project.ProjectNumber, project.Name, receipt.Status, receipt.DecidedAt, filing.Dates, filing.Venue, FilingStatus = filing.Status })
            .ToListAsync();
        var outcomesOwed = await (
            from entry in db.RosterEntries
            where entry.TraineeUserId == userId && !db.ResearchOutcomes.Any(o => o.AuthorRosterEntryId == entry.Id)
            join project in db.PlanProjects on entry.PlanProjectId equals project.Id
            join filing in db.Filings on project.Id equals filing.PlanProjectId
            join closeOut in db.CloseOuts on project.Id equals closeOut.PlanProjectId into closeOuts
            from closeOut in closeOuts.DefaultIfEmpty()
            select new { project.Id, project.ProjectNumber, project.Name, FilingStatus = filing.Status, filing.Dates, CloseOutStatus = closeOut == null ? null : (CloseOutStatus?)closeOut.Status })
            .ToListAsync();

        // An accepted receipt for a class not yet open is listed as coming up, not again as a recent answer.
        var decided = receipts
            .Select(r => (Receipt: r, Progress: Progress(r.FilingStatus, r.Dates, null)))
            .ToLookup(r => r.Receipt.Status == ReceiptStatus.Accepted && r.Progress.Status == ProjectStatus.EnrollmentOpen);
        var upcoming = decided[true];
        return NonEmpty(
            Group("即将开班的研修班", upcoming.Select(r => new TodoItem(
                Title(r.Receipt.ProjectNumber, r.Receipt.Name),
                $"已录取 · {Dates(r.Receipt.Dates)} · {r.Receipt.Venue}",
                r.Progress.NextDeadline,
                "/Enrollments/Mine",
                null)), MyEnrollments),
            Group("待提交的研修成果", outcomesOwed
                .Select(o => (Outcome: o, Progress: Progress(o.FilingStatus, o.Dates, o.CloseOutStatus)))
                .Where(o => o.Progress.Status is ProjectStatus.InSession or ProjectStatus.ClosingOut && o.Outcome.CloseOutStatus != CloseOutStatus.Submitted)
                .Select(o => new TodoItem(
                    Title(o.Outcome.ProjectNumber, o.Outcome.Name),
                    "请在承办单位报送结业材料前提交研修成果",
                    o.Progress.NextDeadline,
                    "/Outcomes/Submit",
                    o.Outcome.Id))),
            Group("近期报名结果", decided[false]
                .Select(r => r.Receipt)
                .Where(r => r.DecidedAt >= now - RecentDecision)
                .OrderByDescending(r => r.DecidedAt)
                .Select(r => new TodoItem(
                    Title(r.ProjectNumber, r.Name),
                    $"{r.Status.ToChinese()}（{ChineseDate.Format(DateOnly.FromDateTime(r.DecidedAt!.Value.DateTime))}）",
                    null,
                    "/Enrollments/Mine",
                    null)), MyEnrollments));
    }

    private ProjectProgress Progress(FilingStatus? filing, DateRange? dates, CloseOutStatus? closeOut) =>
        ProjectProgress.Evaluate(new ProgressFacts(filing, dates?.Start, dates?.End, closeOut), today, calendar);

    private string Submitted(DateTimeOffset? at)
    {
        if (at is not { } submitted)
        {
            return string.Empty;
        }

        var day = DateOnly.FromDateTime(submitted.DateTime);
        return $"提交于 {ChineseDate.Format(day)}，已等待 {calendar.WorkingDaysBetween(day, today).Count} 个工作日";
    }

    private static TodoItem Item((OrganizerRow Row, ProjectProgress Progress) project, string detail, string page) =>
        new(project.Row.Title, detail, project.Progress.NextDeadline, page, project.Row.ProjectId);

    /// <summary>Soonest (and overdue) deadline first; items without a date last.</summary>
    private static TodoGroup Group(string heading, IEnumerable<TodoItem> items, string? allPage = null)
    {
        var ordered = items.OrderBy(i => i.Deadline?.Date ?? DateOnly.MaxValue).ToList();
        return new TodoGroup(heading, ordered.Count, ordered.Take(Shown).ToList(), allPage);
    }

    private static IReadOnlyList<TodoGroup> NonEmpty(params TodoGroup[] groups) => groups.Where(g => g.Count > 0).ToList();

    private static string Title(string projectNumber, string name) => $"{projectNumber}《{name}》";

    private static string Dates(DateRange? dates) =>
        dates is null ? string.Empty : $"{ChineseDate.Format(dates.Start)}至{ChineseDate.Format(dates.End)}";

    private sealed record OrganizerRow(
        Guid ProjectId,
        string Title,
        bool IsHost,
        bool IsApplicant,
        DateOnly CompletionDeadline,
        FilingStatus? FilingStatus,
        DateRange? Dates,
        CloseOutStatus? CloseOutStatus,
        bool ApplicantScored);
}
