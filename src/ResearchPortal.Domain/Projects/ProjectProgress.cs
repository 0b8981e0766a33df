using System.Linq.Expressions;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;

namespace ResearchPortal.Domain.Projects;

public enum ProjectStatus
{
    /// <summary>No filing started.</summary>
    Planned,

    /// <summary>Filing in draft, awaiting review or returned.</summary>
    FilingInProgress,

    /// <summary>Filing approved, class not yet open.</summary>
    EnrollmentOpen,

    /// <summary>Between the start and end dates, both included.</summary>
    InSession,

    /// <summary>Class over, close-out not yet accepted.</summary>
    ClosingOut,

    /// <summary>Close-out accepted.</summary>
    Closed,
}

public static class ProjectStatusExtensions
{
    public static string ToChinese(this ProjectStatus status) => status switch
    {
        ProjectStatus.Planned => "待备案",
        ProjectStatus.FilingInProgress => "备案中",
        ProjectStatus.EnrollmentOpen => "报名中",
        ProjectStatus.InSession => "研修中",
        ProjectStatus.ClosingOut => "结业备案中",
        ProjectStatus.Closed => "已结项",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>The facts progress depends on: a list can read just these columns instead of whole filings and close-outs.</summary>
/// <param name="FilingStatus">Null when no filing was started.</param>
/// <param name="Start">The filed start date, when entered (kept as stored: a list never fails on an implausible date).</param>
/// <param name="End">The filed end date, entered together with the start.</param>
/// <param name="CloseOutStatus">Null when no close-out was started.</param>
public sealed record ProgressFacts(FilingStatus? FilingStatus, DateOnly? Start, DateOnly? End, CloseOutStatus? CloseOutStatus)
{
    public static ProgressFacts Of(Filing? filing, CloseOut? closeOut) => new(filing?.Status, filing?.StartDate, filing?.EndDate, closeOut?.Status);
}

/// <summary>Where a project stands and what is due next, derived from its filing and close-out on a given day.</summary>
public sealed record ProjectProgress(ProjectStatus Status, NextDeadline? NextDeadline)
{
    /// <summary>
    /// Where a project stands on <c>today</c>, from its filing status, filed dates and close-out status: the one
    /// statement of the rule, an expression so that lists can filter, sort and count by status in SQL.
    /// </summary>
    public static readonly Expression<Func<FilingStatus?, DateOnly?, DateOnly?, CloseOutStatus?, DateOnly, ProjectStatus>> StatusRule =
        (filingStatus, start, end, closeOutStatus, today) =>
            closeOutStatus == CloseOutStatus.Accepted ? ProjectStatus.Closed
            : filingStatus == null ? ProjectStatus.Planned
            : filingStatus != FilingStatus.Approved || start == null ? ProjectStatus.FilingInProgress
            : today < start ? ProjectStatus.EnrollmentOpen
            : today <= end ? ProjectStatus.InSession
            : ProjectStatus.ClosingOut;

    private static readonly Func<FilingStatus?, DateOnly?, DateOnly?, CloseOutStatus?, DateOnly, ProjectStatus> StatusOf = StatusRule.Compile();

    public string StatusLabel => Status.ToChinese();

    /// <summary>"备案截止 2024年9月25日（还有 3 个工作日）", or null when nothing is due.</summary>
    public string? DeadlineWords => NextDeadline is { } deadline ? DeadlineText.Describe(deadline) : null;

    public bool IsOverdue => NextDeadline?.IsOverdue == true;

    public static ProjectProgress Evaluate(
        PlanProject project, Filing? filing, CloseOut? closeOut, DateOnly today, WorkingDayCalendar calendar)
    {
        if (filing is not null && filing.PlanProjectId != project.Id || closeOut is not null && closeOut.PlanProjectId != project.Id)
        {
            throw new ArgumentException("The filing and close-out must belong to the project evaluated.");
        }

        return Evaluate(ProgressFacts.Of(filing, closeOut), today, calendar);
    }

    public static ProjectProgress Evaluate(ProgressFacts facts, DateOnly today, WorkingDayCalendar calendar)
    {
        var status = StatusOf(facts.FilingStatus, facts.Start, facts.End, facts.CloseOutStatus, today);
        return status switch
        {
            ProjectStatus.Closed or ProjectStatus.Planned => new(status, null),
            ProjectStatus.FilingInProgress => new(status, FilingDeadline(facts.FilingStatus!.Value, facts.Start, today, calendar)),
            ProjectStatus.EnrollmentOpen => new(status, NextDeadline.On(DeadlineKind.Opening, new CalendarDate(facts.Start!.Value, false), today, calendar)),
            // Once the close-out is handed in the organizer owes nothing until the reviewer answers.
            _ => new(status, facts.CloseOutStatus == CloseOutStatus.Submitted
                ? null
                : NextDeadline.On(DeadlineKind.CloseOut, CloseOutDeadlines.DueDate(facts.End!.Value, calendar), today, calendar)),
        };
    }

    private static NextDeadline? FilingDeadline(FilingStatus status, DateOnly? start, DateOnly today, WorkingDayCalendar calendar)
    {
        if (start is not { } startDate)
        {
            return null;
        }

        // A submitted filing has met its deadline; what comes next is the opening day.
        return status == FilingStatus.Submitted
            ? NextDeadline.On(DeadlineKind.Opening, new CalendarDate(startDate, false), today, calendar)
            : NextDeadline.On(DeadlineKind.Filing, FilingDeadlines.LatestFilingDate(startDate, calendar), today, calendar);
    }
}
