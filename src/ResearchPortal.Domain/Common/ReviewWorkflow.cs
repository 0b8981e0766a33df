namespace ResearchPortal.Domain.Common;

/// <summary>Where a record under provincial review stands, whatever its own status names.</summary>
public enum ReviewStage
{
    /// <summary>Being written; not yet handed in.</summary>
    Draft,

    /// <summary>Handed in, waiting for a reviewer's decision.</summary>
    Submitted,

    /// <summary>Sent back by the reviewer with a comment, to be corrected and handed in again.</summary>
    Returned,

    /// <summary>Approved or accepted by the reviewer: final.</summary>
    Decided,
}

/// <summary>
/// The review workflow every reviewed record shares (备案, 结业材料, and the next one): it is edited as a draft or after a
/// return, handed in, and decided by a reviewer — approved, or returned with a comment and handed in again. The record
/// keeps its own status enum, transition history and fields (so nothing in the database changes); this class says which
/// moves exist, what may be edited or decided in each stage, and words every refusal the same way.
/// </summary>
/// <typeparam name="TStatus">The record's status enum, mapped onto <see cref="ReviewStage"/>.</typeparam>
public sealed class ReviewWorkflow<TStatus>
    where TStatus : struct, Enum
{
    public const int CommentMaxLength = ReviewWorkflowRules.CommentMaxLength;

    private readonly string _codePrefix;
    private readonly string _subject;
    private readonly Func<TStatus, ReviewStage> _stageOf;
    private readonly Func<TStatus, string> _statusText;

    /// <param name="codePrefix">"Filing" or "CloseOut", so error codes stay distinct.</param>
    /// <param name="subject">The record in words, e.g. "备案".</param>
    /// <param name="stageOf">The stage of each status; every status must have one.</param>
    /// <param name="statusText">The status in Chinese, as refusals quote it.</param>
    public ReviewWorkflow(string codePrefix, string subject, Func<TStatus, ReviewStage> stageOf, Func<TStatus, string> statusText)
    {
        (_codePrefix, _subject, _stageOf, _statusText) = (codePrefix, subject, stageOf, statusText);
        foreach (var status in Enum.GetValues<TStatus>())
        {
            _stageOf(status); // a status without a stage is a programming error: fail when the type is first used
        }
    }

    public ReviewStage StageOf(TStatus status) => _stageOf(status);

    /// <summary>A draft or a returned record may be changed (and handed in); a submitted or decided one may not.</summary>
    public bool IsEditable(TStatus status) => StageOf(status) is ReviewStage.Draft or ReviewStage.Returned;

    /// <summary>Only a submitted record waits for a reviewer's decision.</summary>
    public bool AwaitsDecision(TStatus status) => StageOf(status) == ReviewStage.Submitted;

    /// <summary>Refuses a change to a record that is not editable: "备案当前状态为“已提交待审核”，不能修改。".</summary>
    public Result EditableCheck(TStatus status) =>
        new ErrorCollector().When(
            !IsEditable(status),
            $"{_codePrefix}.NotEditable",
            $"{_subject}当前状态为“{_statusText(status)}”，不能修改。",
            "Status").ToResult();

    /// <summary>Refuses handing in a record that is not editable: "…，不能提交。".</summary>
    public Result SubmissionCheck(TStatus status) =>
        new ErrorCollector().When(
            !IsEditable(status),
            $"{_codePrefix}.InvalidState",
            $"{_subject}当前状态为“{_statusText(status)}”，不能提交。",
            "Status").ToResult();

    /// <summary>Refuses a decision on a record not awaiting one, a comment too long, or a return without a comment.</summary>
    public Result DecisionCheck(TStatus status, string? comment, bool commentRequired)
    {
        var errors = new ErrorCollector()
            .When(!AwaitsDecision(status), $"{_codePrefix}.InvalidState", $"只能审核已提交的{_subject}，当前状态为“{_statusText(status)}”。", "Status")
            .MaxLength(comment, CommentMaxLength, "LastReviewComment", "审核意见");
        return (commentRequired ? errors.Required(comment, "LastReviewComment", "退回原因") : errors).ToResult();
    }

    /// <summary>
    /// The one place a status changes: checks the move is one of the workflow's (a check above must have refused any
    /// other, so this throws) and returns what the record stores — the cleaned comment, and whether it is the reviewer's
    /// (a decision) rather than the submitter's.
    /// </summary>
    public ReviewStep<TStatus> Move(TStatus from, TStatus to, string? comment)
    {
        var (fromStage, toStage) = (StageOf(from), StageOf(to));
        if (!ReviewWorkflowRules.Allows(fromStage, toStage))
        {
            throw new InvalidOperationException($"{_subject} cannot move from {from} ({fromStage}) to {to} ({toStage}).");
        }

        return new ReviewStep<TStatus>(from, to, Text.Optional(comment), IsDecision: fromStage == ReviewStage.Submitted);
    }

    /// <summary>The day (in China) of the first move to Submitted among <paramref name="transitions"/>, oldest first.</summary>
    public DateOnly? FirstSubmissionDay(IEnumerable<(TStatus To, DateTimeOffset At)> transitions) =>
        SubmissionDays(transitions).Cast<DateOnly?>().FirstOrDefault();

    /// <summary>The days (in China) of every move to Submitted, oldest first.</summary>
    public IEnumerable<DateOnly> SubmissionDays(IEnumerable<(TStatus To, DateTimeOffset At)> transitions) => transitions
        .Where(transition => StageOf(transition.To) == ReviewStage.Submitted)
        .Select(transition => ChineseDate.DayOf(transition.At));
}

/// <summary>One status change as the record stores it.</summary>
/// <param name="IsDecision">A reviewer's approval or return: its comment becomes the record's last review comment.</param>
public sealed record ReviewStep<TStatus>(TStatus From, TStatus To, string? Comment, bool IsDecision)
    where TStatus : struct, Enum;

/// <summary>The rules of <see cref="ReviewWorkflow{TStatus}"/> that do not depend on the record.</summary>
public static class ReviewWorkflowRules
{
    public const int CommentMaxLength = 1000;

    /// <summary>The moves a reviewed record can make: hand in a draft or a returned record; return or decide a
    /// submitted one. Nothing leaves <see cref="ReviewStage.Decided"/>.</summary>
    public static bool Allows(ReviewStage from, ReviewStage to) => (from, to) switch
    {
        (ReviewStage.Draft or ReviewStage.Returned, ReviewStage.Submitted) => true,
        (ReviewStage.Submitted, ReviewStage.Returned or ReviewStage.Decided) => true,
        _ => false,
    };

    /// <summary>The optional 重新提交期限 set when returning: not before the day of the return.</summary>
    internal static ErrorCollector ResubmitByCheck(this ErrorCollector errors, DateOnly? resubmitBy, DateTimeOffset now) =>
        errors.When(
            resubmitBy < ChineseDate.DayOf(now),
            "Review.ResubmitByPast",
            "重新提交期限不能早于今天。",
            "ResubmitBy");
}
