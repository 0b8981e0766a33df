using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Domain.Rules;

namespace ResearchPortal.Domain.Filings;

/// <summary>备案 (Annex 2): the host unit's plan for one project, reviewed by the province before the class opens.</summary>
public sealed class Filing
{
    public const int VenueMaxLength = 200;
    public const int ContactMaxLength = 50;
    public const int SessionTextMaxLength = 200;
    public const int CommentMaxLength = ReviewWorkflowRules.CommentMaxLength;

    /// <summary>The review workflow shared with the close-out; 已备案 is the decision.</summary>
    public static readonly ReviewWorkflow<FilingStatus> Workflow = new("Filing", "备案", status => status switch
    {
        FilingStatus.Draft => ReviewStage.Draft,
        FilingStatus.Submitted => ReviewStage.Submitted,
        FilingStatus.Returned => ReviewStage.Returned,
        FilingStatus.Approved => ReviewStage.Decided,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    }, status => status.ToChinese());

    /// <summary>Ends a late refusal a reviewer may waive (see <see cref="AllowLateSubmission"/>).</summary>
    private const string AskReviewer = "如确需提交，请联系省人社厅专技处审核员准予逾期提交。";

    private readonly List<ExpertSession> _expertSessions = [];
    private readonly List<FilingTransition> _transitions = [];

    private Filing()
    {
    }

    public Guid Id { get; private set; }

    public Guid PlanProjectId { get; private set; }

    public string? Venue { get; private set; }

    public DateRange? Dates { get; private set; }

    public DateOnly? StartDate => Dates?.Start;

    public DateOnly? EndDate => Dates?.End;

    public string? ContactPerson { get; private set; }

    /// <summary>The contact's 职务, printed with the host unit under 工作单位、职务 on the roster (Annex 4); Annex 2 does not ask for it.</summary>
    public string? ContactPosition { get; private set; }

    public string? OfficePhone { get; private set; }

    public string? Mobile { get; private set; }

    public int? PlannedTraineeCount { get; private set; }

    public IReadOnlyList<ExpertSession> ExpertSessions => _expertSessions;

    /// <summary>学时总计, kept with the sessions it sums (lists read it without the sessions).</summary>
    public decimal TotalHours { get; private set; }

    /// <summary>实施方案.</summary>
    public AttachmentInfo? ImplementationPlan { get; private set; }

    /// <summary>举办通知.</summary>
    public AttachmentInfo? Notice { get; private set; }

    /// <summary>The host unit confirms teaching is face to face and no fee is charged to trainees.</summary>
    public bool AttestedOfflineAndFree { get; private set; }

    public FilingStatus Status { get; private set; }

    public string? LastReviewComment { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>重新提交期限, optionally set by the reviewer when returning the filing.</summary>
    public DateOnly? ResubmitBy { get; private set; }

    public LateSubmissionAllowance? LateSubmissionAllowance { get; private set; }

    /// <summary>The day (in China) the filing was first submitted; returns do not change it.</summary>
    public DateOnly? FirstSubmittedOn => FirstSubmissionDay(_transitions);

    public IReadOnlyList<FilingTransition> Transitions => _transitions;

    /// <summary>How often a reviewer has returned the filing, kept with its transitions (the review queue shows it).</summary>
    public int TimesReturned { get; private set; }

    public bool IsEditable => Workflow.IsEditable(Status);

    /// <summary>The day (in China) of the first submission among <paramref name="transitions"/>, oldest first; for
    /// queries that read the transitions without the filing.</summary>
    public static DateOnly? FirstSubmissionDay(IEnumerable<FilingTransition> transitions) =>
        Workflow.FirstSubmissionDay(transitions.Select(transition => (transition.To, transition.At)));

    public static Filing Start(Guid planProjectId) =>
        new() { Id = Guid.CreateVersion7(), PlanProjectId = planProjectId, Status = FilingStatus.Draft };

    public Result UpdateDetails(FilingDetails details)
    {
        var errors = EditableCheck();
        var dates = ValidateDates(details.StartDate, details.EndDate, errors);
        errors
            .MaxLength(details.Venue, VenueMaxLength, nameof(Venue), "办班地点")
            .MaxLength(details.ContactPerson, ContactMaxLength, nameof(ContactPerson), "联系人")
            .MaxLength(details.ContactPosition, ContactMaxLength, nameof(ContactPosition), "联系人职务")
            .MaxLength(details.OfficePhone, ContactMaxLength, nameof(OfficePhone), "办公电话")
            .When(
                Text.Optional(details.Mobile) is { } mobile && !ContactFormats.IsMobile(mobile),
                "Filing.MobileFormat",
                "手机号码应为以 1 开头的 11 位数字。",
                nameof(Mobile))
            .When(details.PlannedTraineeCount < 0, "Filing.TraineeCountNegative", "计划学员人数不能为负数。", nameof(PlannedTraineeCount));
        foreach (var (session, index) in details.ExpertSessions.Select((session, index) => (session, index)))
        {
            var row = $"第 {index + 1} 位授课专家的";
            errors
                .RequiredWithin(session.ExpertName, SessionTextMaxLength, nameof(ExpertSessions), row + "姓名")
                .MaxLength(session.TitleOrPosition, SessionTextMaxLength, nameof(ExpertSessions), row + "职称/职务")
                .RequiredWithin(session.Topic, SessionTextMaxLength, nameof(ExpertSessions), row + "授课题目")
                .When(session.Hours < 0, "Filing.SessionHoursNegative", row + "学时数不能为负数。", nameof(ExpertSessions));
        }

        if (errors.HasErrors)
        {
            return errors.ToResult();
        }

        Venue = Text.Optional(details.Venue);
        Dates = dates;
        ContactPerson = Text.Optional(details.ContactPerson);
        ContactPosition = Text.Optional(details.ContactPosition);
        OfficePhone = Text.Optional(details.OfficePhone);
        Mobile = Text.Optional(details.Mobile);
        PlannedTraineeCount = details.PlannedTraineeCount;
        _expertSessions.Clear();
        _expertSessions.AddRange(details.ExpertSessions.Select(session => session with
        {
            ExpertName = Text.Required(session.ExpertName),
            TitleOrPosition = Text.Optional(session.TitleOrPosition) ?? string.Empty,
            Topic = Text.Required(session.Topic),
        }));
        TotalHours = _expertSessions.Sum(session => session.Hours);
        return Result.Success();
    }

    public Result AttachImplementationPlan(AttachmentInfo attachment) => EditableCheck().Apply(() => ImplementationPlan = attachment);

    public Result AttachNotice(AttachmentInfo attachment) => EditableCheck().Apply(() => Notice = attachment);

    public Result SetAttestation(bool attested) => EditableCheck().Apply(() => AttestedOfflineAndFree = attested);

    /// <summary>Checks every rule of the notice and reports all failures together; on success the filing awaits review.</summary>
    public Result Submit(Actor actor, DateTimeOffset now, DateOnly today, PlanYear planYear, WorkingDayCalendar calendar)
    {
        var check = CheckSubmission(today, planYear, calendar);
        if (check.IsSuccess)
        {
            MoveTo(FilingStatus.Submitted, actor, now, comment: null);
            SubmittedAt = now;
        }

        return check;
    }

    /// <summary>What would stop <see cref="Submit"/> today, without submitting: every failure together.</summary>
    public Result CheckSubmission(DateOnly today, PlanYear planYear, WorkingDayCalendar calendar)
    {
        if (Workflow.SubmissionCheck(Status) is { IsFailure: true } refused)
        {
            return refused;
        }

        var errors = new ErrorCollector()
            .Required(Venue, nameof(Venue), "办班地点")
            .Required(ContactPerson, nameof(ContactPerson), "联系人")
            .Required(OfficePhone, nameof(OfficePhone), "办公电话")
            .Required(Mobile, nameof(Mobile), "手机号码");
        CheckDates(errors, today, planYear, calendar);
        errors
            .When(
                TotalHours < SeminarRules.MinHours,
                "Filing.TooFewHours",
                $"学时总计为 {TotalHours:0.#} 学时，不得少于 {SeminarRules.MinHours} 学时。",
                nameof(TotalHours))
            .When(
                _expertSessions.Any(session => session.Hours <= 0),
                "Filing.SessionWithoutHours",
                "每位授课专家的学时数都须大于 0。",
                nameof(ExpertSessions))
            .When(
                (PlannedTraineeCount ?? 0) < SeminarRules.MinTrainees,
                "Filing.TooFewTrainees",
                $"计划学员人数不得少于 {SeminarRules.MinTrainees} 人。",
                nameof(PlannedTraineeCount))
            .When(ImplementationPlan is null, "Filing.ImplementationPlanMissing", "请上传研修项目实施方案。", nameof(ImplementationPlan))
            .When(Notice is null, "Filing.NoticeMissing", "请上传研修项目举办通知。", nameof(Notice))
            .When(
                !AttestedOfflineAndFree,
                "Filing.AttestationMissing",
                "请确认研修采取线下面授方式，且不向学员收取培训费用。",
                nameof(AttestedOfflineAndFree));
        return errors.ToResult();
    }

    public Result Approve(Actor actor, DateTimeOffset now, string? comment)
    {
        return ReviewCheck(comment, commentRequired: false).Apply(() =>
        {
            MoveTo(FilingStatus.Approved, actor, now, comment);
            ApprovedAt = now;
        });
    }

    /// <summary>Sends the filing back to the host unit, which may edit and submit it again; by
    /// <paramref name="resubmitBy"/> when given, after which its first submission's timeliness no longer counts.</summary>
    public Result Return(Actor actor, DateTimeOffset now, string comment, DateOnly? resubmitBy = null) =>
        ReviewCheck(comment, commentRequired: true).ResubmitByCheck(resubmitBy, now).Apply(() =>
        {
            MoveTo(FilingStatus.Returned, actor, now, comment);
            ResubmitBy = resubmitBy;
        });

    /// <summary>
    /// The reviewer lets the host unit submit although the filing is refused as late, with a reason. Only a refusal
    /// that rests on a provisional date or on the reviewer's own resubmission deadline may be waived, never the
    /// notice's deadline counted from a published calendar. It holds for the start date it was given for.
    /// </summary>
    public Result AllowLateSubmission(Actor actor, DateTimeOffset now, DateOnly today, string reason, WorkingDayCalendar calendar)
    {
        if (!IsEditable)
        {
            return EditableCheck().ToResult();
        }

        var lateness = Dates is null ? null : Lateness(Dates.Start, today, calendar);
        return new ErrorCollector()
            .RequiredWithin(reason, CommentMaxLength, nameof(LateSubmissionAllowance), "准予逾期提交的理由")
            .When(lateness is null, "Filing.NotLate", "该备案目前未超过提交期限，无需准予逾期提交。", nameof(LateSubmissionAllowance))
            .When(
                lateness is { MayBeAllowed: false },
                "Filing.LateByPublishedCalendar",
                "最晚备案日期依据已公布的节假日安排计算，不能准予逾期提交。",
                nameof(LateSubmissionAllowance))
            .Apply(() => LateSubmissionAllowance = new LateSubmissionAllowance(
                Dates!.Start, reason.Trim(), actor.UserId, actor.DisplayName, now));
    }

    /// <summary>Whether <see cref="AllowLateSubmission"/> would be accepted today (reason aside).</summary>
    public bool MayAllowLateSubmission(DateOnly today, WorkingDayCalendar calendar) =>
        IsEditable && Dates is not null && Lateness(Dates.Start, today, calendar) is { MayBeAllowed: true };

    /// <summary>"首次提交 2024年8月26日，按期（最晚备案日期2024年9月18日）" for the reviewer; null before the first
    /// submission. Judged against the current start date, the one the reviewer decides on.</summary>
    public string? DescribeFirstSubmission(WorkingDayCalendar calendar)
    {
        if (FirstSubmittedOn is not { } first || Dates is null)
        {
            return null;
        }

        var latest = FilingDeadlines.LatestFilingDate(Dates.Start, calendar);
        var text = $"首次提交 {ChineseDate.Format(first)}，{(TimelinessRule.IsOnTime(first, latest.Date) ? "按期" : "逾期")}（最晚备案日期{ProvisionalDates.Format(latest)}）";
        return AllowanceFor(Dates.Start) is { } allowance
            ? $"{text}；{allowance.GrantedByName}于{ChineseDate.Format(allowance.GrantedAt)}准予逾期提交，理由：{allowance.Reason}"
            : text;
    }

    /// <summary>Warnings, not refusals (the notice has no such rule): a start or end date that is a holiday or a
    /// weekend day without 调休.</summary>
    public IReadOnlyList<string> DateWarnings(WorkingDayCalendar calendar)
    {
        if (Dates is null)
        {
            return [];
        }

        return new[] { (Label: "开班日期", Date: Dates.Start), (Label: "结束日期", Date: Dates.End) }
            .Select(day => (day.Label, day.Date, Reason: calendar.DayOffReason(day.Date)))
            .Where(day => day.Reason is not null)
            .Select(day => $"{day.Label}{ChineseDate.Format(day.Date)}是{day.Reason}，不是工作日，请确认办班时间。")
            .ToList();
    }

    private static DateRange? ValidateDates(DateOnly? start, DateOnly? end, ErrorCollector errors)
    {
        if (start is null && end is null)
        {
            return null;
        }

        if (start is null || end is null)
        {
            errors.Add("Filing.DatesIncomplete", "请同时填写办班开始日期和结束日期。", start is null ? nameof(StartDate) : nameof(EndDate));
            return null;
        }

        var range = DateRange.Create(start.Value, end.Value, nameof(StartDate), nameof(EndDate));
        errors.AddRange(range.Errors);
        return range.IsSuccess ? range.Value : null;
    }

    private void CheckDates(ErrorCollector errors, DateOnly today, PlanYear planYear, WorkingDayCalendar calendar)
    {
        if (Dates is null)
        {
            errors.Add("Filing.DatesMissing", "请填写办班时间。", nameof(StartDate));
            return;
        }

        errors
            .When(
                Dates.Days is < SeminarRules.MinDays or > SeminarRules.MaxDays,
                "Filing.DurationOutOfRange",
                $"办班时间为 {Dates.Days} 天，应为 {SeminarRules.MinDays}–{SeminarRules.MaxDays} 天（含开班和结业当天）。",
                nameof(EndDate))
            .AddRange(Lateness(Dates.Start, today, calendar) is { } lateness ? [lateness.Error] : [])
            .When(
                Dates.End > planYear.CompletionDeadline,
                "Filing.AfterCompletionDeadline",
                $"{planYear.Year} 年度研修项目须于{ChineseDate.Format(planYear.CompletionDeadline)}前组织实施完毕，结束日期不能晚于该日。",
                nameof(EndDate));
    }

    /// <summary>
    /// Why submitting today is too late, or null. A filing first submitted on time keeps that timeliness when it is
    /// returned and resubmitted, until the resubmission deadline the reviewer may have set; a reviewer's allowance
    /// for the current start date lifts the refusal.
    /// </summary>
    private LateRefusal? Lateness(DateOnly start, DateOnly today, WorkingDayCalendar calendar)
    {
        var latest = FilingDeadlines.LatestFilingDate(start, calendar);
        if (TimelinessRule.IsOnTime(today, latest.Date) || AllowanceFor(start) is not null)
        {
            return null;
        }

        if (FirstSubmittedOn is { } first && TimelinessRule.IsOnTime(first, latest.Date))
        {
            return ResubmitBy is { } resubmitBy && today > resubmitBy
                ? new LateRefusal(
                    new Error(
                        "Filing.ResubmissionOverdue",
                        $"首次提交（{ChineseDate.Format(first)}）按期，但退回时要求于{ChineseDate.Format(resubmitBy)}前重新提交，已超过。{AskReviewer}",
                        nameof(StartDate)),
                    MayBeAllowed: true)
                : null;
        }

        var refusal = $"应在开班前 {SeminarRules.FilingLeadWorkingDays} 个工作日备案，最晚备案日期为{ProvisionalDates.Format(latest)}，已超过。";
        return new LateRefusal(
            new Error("Filing.TooLate", latest.IsProvisional ? refusal + AskReviewer : refusal, nameof(StartDate)),
            MayBeAllowed: latest.IsProvisional);
    }

    private LateSubmissionAllowance? AllowanceFor(DateOnly start) =>
        LateSubmissionAllowance is { } allowance && allowance.StartDate == start ? allowance : null;

    private sealed record LateRefusal(Error Error, bool MayBeAllowed);

    private ErrorCollector EditableCheck() => new ErrorCollector().AddRange(Workflow.EditableCheck(Status).Errors);

    private ErrorCollector ReviewCheck(string? comment, bool commentRequired) =>
        new ErrorCollector().AddRange(Workflow.DecisionCheck(Status, comment, commentRequired).Errors);

    private void MoveTo(FilingStatus to, Actor actor, DateTimeOffset now, string? comment)
    {
        var step = Workflow.Move(Status, to, comment);
        _transitions.Add(new FilingTransition(step.From, step.To, actor.UserId, actor.DisplayName, now, step.Comment));
        Status = to;
        if (to == FilingStatus.Returned)
        {
            TimesReturned++;
        }

        if (step.IsDecision)
        {
            LastReviewComment = step.Comment;
        }
    }
}
