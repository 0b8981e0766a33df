using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Domain.Rules;

namespace ResearchPortal.Domain.CloseOuts;

public enum CloseOutStatus
{
    Draft,
    Submitted,
    Returned,
    Accepted,
}

public static class CloseOutStatusExtensions
{
    public static string ToChinese(this CloseOutStatus status) => status switch
    {
        CloseOutStatus.Draft => "草稿",
        CloseOutStatus.Submitted => "已提交待审核",
        CloseOutStatus.Returned => "已退回",
        CloseOutStatus.Accepted => "已验收",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

public sealed record CloseOutTransition(
    CloseOutStatus From, CloseOutStatus To, string ActorUserId, string ActorName, DateTimeOffset At, string? Comment);

/// <summary>结业备案: the self-evaluation report (Annex 5) and acceptance form (Annex 6) of one project, with the
/// roster (Annex 4) kept as roster entries. Late submission is allowed and recorded as such.</summary>
public sealed class CloseOut
{
    public const int ReportItemMaxLength = 10000;
    public const int ContactMaxLength = 50;
    public const int ExplanationMaxLength = 2000;
    public const int CommentMaxLength = ReviewWorkflowRules.CommentMaxLength;

    /// <summary>The review workflow shared with the filing; 已验收 is the decision.</summary>
    public static readonly ReviewWorkflow<CloseOutStatus> Workflow = new("CloseOut", "结业材料", status => status switch
    {
        CloseOutStatus.Draft => ReviewStage.Draft,
        CloseOutStatus.Submitted => ReviewStage.Submitted,
        CloseOutStatus.Returned => ReviewStage.Returned,
        CloseOutStatus.Accepted => ReviewStage.Decided,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    }, status => status.ToChinese());

    private readonly List<CloseOutTransition> _transitions = [];

    private CloseOut()
    {
        Report = SelfEvaluationReport.Empty;
        Acceptance = AcceptanceForm.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PlanProjectId { get; private set; }

    public SelfEvaluationReport Report { get; private set; }

    public AcceptanceForm Acceptance { get; private set; }

    /// <summary>Why fewer than 30 trainees attended; required in that case.</summary>
    public string? UnderstaffedExplanation { get; private set; }

    public CloseOutStatus Status { get; private set; }

    public string? LastReviewComment { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>Recorded at the first submission, with the lateness facts below, and kept when the close-out is
    /// returned and resubmitted: the 15th working day after the end date.</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>The due date or the lateness count relied on a year without a published holiday notice.</summary>
    public bool DueDateProvisional { get; private set; }

    public bool IsOverdue { get; private set; }

    public int WorkingDaysLate { get; private set; }

    /// <summary>Fewer than 30 trainees on the roster at submission; flagged to the reviewer.</summary>
    public bool IsUnderstaffed { get; private set; }

    public int? RosterSizeAtSubmission { get; private set; }

    public IReadOnlyList<CloseOutTransition> Transitions => _transitions;

    /// <summary>重新提交期限, optionally set by the reviewer when returning the close-out.</summary>
    public DateOnly? ResubmitBy { get; private set; }

    /// <summary>The day (in China) the close-out was first submitted; returns do not change it.</summary>
    public DateOnly? FirstSubmittedOn => FirstSubmissionDay(_transitions);

    /// <summary>Resubmitted after the deadline set at the last return: not refused (late material is still wanted),
    /// but shown to the reviewer.</summary>
    public bool ResubmittedAfterDeadline =>
        Status is CloseOutStatus.Submitted or CloseOutStatus.Accepted
        && ResubmitBy is { } resubmitBy
        && SubmissionDays(_transitions).LastOrDefault() > resubmitBy;

    public bool IsEditable => Workflow.IsEditable(Status);

    /// <summary>The day (in China) of the first submission among <paramref name="transitions"/>, oldest first; for
    /// queries that read the transitions without the close-out.</summary>
    public static DateOnly? FirstSubmissionDay(IEnumerable<CloseOutTransition> transitions) =>
        Workflow.FirstSubmissionDay(transitions.Select(transition => (transition.To, transition.At)));

    public static CloseOut Start(Guid planProjectId) =>
        new() { Id = Guid.CreateVersion7(), PlanProjectId = planProjectId, Status = CloseOutStatus.Draft };

    public Result UpdateReport(SelfEvaluationReport report)
    {
        var errors = EditableCheck();
        foreach (var item in SelfEvaluationSections.AllItems)
        {
            errors.MaxLength(item.ValueIn(report), ReportItemMaxLength, item.FieldName, item.Title);
        }

        return errors.Apply(() => Report = report with
        {
            BasicInformation = Text.Optional(report.BasicInformation),
            PerformanceGoals = Text.Optional(report.PerformanceGoals),
            OrganizationAnalysis = Text.Optional(report.OrganizationAnalysis),
            ManagementAnalysis = Text.Optional(report.ManagementAnalysis),
            PartyBuildingAnalysis = Text.Optional(report.PartyBuildingAnalysis),
            GoalCompletionAnalysis = Text.Optional(report.GoalCompletionAnalysis),
            ShortfallReasons = Text.Optional(report.ShortfallReasons),
            FollowUpPlan = Text.Optional(report.FollowUpPlan),
            ExperienceAndSuggestions = Text.Optional(report.ExperienceAndSuggestions),
            OtherMatters = Text.Optional(report.OtherMatters),
            EvaluationWork = Text.Optional(report.EvaluationWork),
            MainOutcomes = Text.Optional(report.MainOutcomes),
        });
    }

    /// <summary>The host unit's part of Annex 6; the applicant unit's score is kept as it is.</summary>
    public Result UpdateAcceptance(string? responsiblePerson, string? phone, string? summary, Score? hostScore)
    {
        var errors = EditableCheck()
            .MaxLength(responsiblePerson, ContactMaxLength, nameof(AcceptanceForm.ResponsiblePerson), "负责人")
            .MaxLength(phone, ContactMaxLength, nameof(AcceptanceForm.Phone), "联系电话")
            .MaxLength(summary, SeminarRules.AcceptanceSummaryMaxLength, nameof(AcceptanceForm.Summary), "研修基本情况及取得的主要效果");

        return errors.Apply(() => Acceptance = Acceptance with
        {
            ResponsiblePerson = Text.Optional(responsiblePerson),
            Phone = Text.Optional(phone),
            Summary = Text.Optional(summary),
            HostScore = hostScore,
        });
    }

    /// <summary>申报单位验收意见: the applicant unit's score, which is the project's acceptance result.</summary>
    public Result SetApplicantScore(Score score) =>
        EditableCheck().Apply(() => Acceptance = Acceptance with { ApplicantScore = score });

    public Result SetUnderstaffedExplanation(string? explanation) =>
        EditableCheck()
            .MaxLength(explanation, ExplanationMaxLength, nameof(UnderstaffedExplanation), "学员不足说明")
            .Apply(() => UnderstaffedExplanation = Text.Optional(explanation));

    /// <summary>Checks completeness (all failures together) and, at the first submission, records the deadline facts.
    /// Lateness never blocks submission: the notice wants late material handed in, and the reviewer sees how late the
    /// first submission was (a resubmission after a return keeps it).</summary>
    public Result Submit(Actor actor, DateTimeOffset now, DateOnly today, DateOnly endDate, int rosterSize, WorkingDayCalendar calendar)
    {
        var check = CheckSubmission(today, endDate, rosterSize);
        if (check.IsFailure)
        {
            return check;
        }

        var understaffed = SeminarRules.IsUnderstaffed(rosterSize);
        if (DueDate is null)
        {
            var due = CloseOutDeadlines.DueDate(endDate, calendar);
            var late = calendar.WorkingDaysOverdue(due.Date, today);
            DueDate = due.Date;
            DueDateProvisional = due.IsProvisional || late.IsProvisional;
            IsOverdue = !TimelinessRule.IsOnTime(today, due.Date);
            WorkingDaysLate = late.Count;
        }

        IsUnderstaffed = understaffed;
        RosterSizeAtSubmission = rosterSize;
        SubmittedAt = now;
        MoveTo(CloseOutStatus.Submitted, actor, now, comment: null);
        return Result.Success();
    }

    /// <summary>What would stop <see cref="Submit"/> today, without submitting: every failure together.</summary>
    public Result CheckSubmission(DateOnly today, DateOnly endDate, int rosterSize)
    {
        if (Workflow.SubmissionCheck(Status) is { IsFailure: true } refused)
        {
            return refused;
        }

        var errors = new ErrorCollector()
            .When(today < endDate, "CloseOut.BeforeEnd", $"研修将于{ChineseDate.Format(endDate)}结束，结束后才能提交结业材料。", nameof(SubmittedAt));
        foreach (var item in SelfEvaluationSections.AllItems.Where(item => item.IsRequired))
        {
            errors.Required(item.ValueIn(Report), item.FieldName, $"自评报告“{item.Title}”");
        }

        return errors
            .Required(Acceptance.ResponsiblePerson, nameof(AcceptanceForm.ResponsiblePerson), "验收表负责人")
            .Required(Acceptance.Phone, nameof(AcceptanceForm.Phone), "验收表联系电话")
            .Required(Acceptance.Summary, nameof(AcceptanceForm.Summary), "研修基本情况及取得的主要效果")
            .When(Acceptance.HostScore is null, "CloseOut.HostScoreMissing", "请填写承办单位评估评分。", nameof(AcceptanceForm.HostScore))
            .When(Acceptance.ApplicantScore is null, "CloseOut.ApplicantScoreMissing", "请由申报单位填写验收评分。", nameof(AcceptanceForm.ApplicantScore))
            .When(
                SeminarRules.IsUnderstaffed(rosterSize) && UnderstaffedExplanation is null,
                "CloseOut.ExplanationMissing",
                $"学员名单为 {rosterSize} 人，少于 {SeminarRules.MinTrainees} 人，请填写书面说明。",
                nameof(UnderstaffedExplanation))
            .ToResult();
    }

    public Result Accept(Actor actor, DateTimeOffset now, string? comment)
    {
        return ReviewCheck(comment, commentRequired: false).Apply(() =>
        {
            MoveTo(CloseOutStatus.Accepted, actor, now, comment);
            AcceptedAt = now;
        });
    }

    /// <summary>Sends the close-out back for corrections, to be resubmitted by <paramref name="resubmitBy"/> when given.</summary>
    public Result Return(Actor actor, DateTimeOffset now, string comment, DateOnly? resubmitBy = null) =>
        ReviewCheck(comment, commentRequired: true).ResubmitByCheck(resubmitBy, now).Apply(() =>
        {
            MoveTo(CloseOutStatus.Returned, actor, now, comment);
            ResubmitBy = resubmitBy;
        });

    /// <summary>"首次提交 2024年10月8日，按期（报送截止日期2024年10月11日）" for the reviewer; null before the first
    /// submission. A resubmission after the deadline set on return is added.</summary>
    public string? DescribeFirstSubmission()
    {
        if (FirstSubmittedOn is not { } first || DueDate is not { } due)
        {
            return null;
        }

        var verdict = IsOverdue ? $"逾期 {WorkingDaysLate} 个工作日" : "按期";
        var text = $"首次提交 {ChineseDate.Format(first)}，{verdict}（报送截止日期{ProvisionalDates.Format(due, DueDateProvisional ? due.Year : null)}）";
        return ResubmittedAfterDeadline
            ? $"{text}；重新提交于{ChineseDate.Format(SubmissionDays(_transitions).Last())}，晚于退回时要求的{ChineseDate.Format(ResubmitBy!.Value)}"
            : text;
    }

    private static IEnumerable<DateOnly> SubmissionDays(IEnumerable<CloseOutTransition> transitions) =>
        Workflow.SubmissionDays(transitions.Select(transition => (transition.To, transition.At)));

    private ErrorCollector EditableCheck() => new ErrorCollector().AddRange(Workflow.EditableCheck(Status).Errors);

    private ErrorCollector ReviewCheck(string? comment, bool commentRequired) =>
        new ErrorCollector().AddRange(Workflow.DecisionCheck(Status, comment, commentRequired).Errors);

    private void MoveTo(CloseOutStatus to, Actor actor, DateTimeOffset now, string? comment)
    {
        var step = Workflow.Move(Status, to, comment);
        _transitions.Add(new CloseOutTransition(step.From, step.To, actor.UserId, actor.DisplayName, now, step.Comment));
        Status = to;
        if (step.IsDecision)
        {
            LastReviewComment = step.Comment;
        }
    }
}
