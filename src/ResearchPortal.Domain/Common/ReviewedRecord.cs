namespace ResearchPortal.Domain.Common;

/// <summary>
/// The checks a record under provincial review shares (备案 and 结业材料): it may be edited only as a draft or
/// after being returned, and only a submitted record may be decided, with a comment required when it is returned.
/// </summary>
internal static class ReviewedRecord
{
    public const int CommentMaxLength = 1000;

    /// <param name="codePrefix">"Filing" or "CloseOut", so error codes stay distinct.</param>
    /// <param name="subject">The record in words, e.g. "备案".</param>
    public static ErrorCollector EditableCheck(bool isEditable, string codePrefix, string subject, string statusText) =>
        new ErrorCollector().When(
            !isEditable,
            $"{codePrefix}.NotEditable",
            $"{subject}当前状态为“{statusText}”，不能修改。",
            "Status");

    public static ErrorCollector DecisionCheck(
        bool isSubmitted, string codePrefix, string subject, string statusText, string? comment, bool commentRequired)
    {
        var errors = new ErrorCollector()
            .When(!isSubmitted, $"{codePrefix}.InvalidState", $"只能审核已提交的{subject}，当前状态为“{statusText}”。", "Status")
            .MaxLength(comment, CommentMaxLength, "LastReviewComment", "审核意见");
        return commentRequired ? errors.Required(comment, "LastReviewComment", "退回原因") : errors;
    }

    /// <summary>The optional 重新提交期限 set when returning: not before the day of the return.</summary>
    public static ErrorCollector ResubmitByCheck(this ErrorCollector errors, DateOnly? resubmitBy, DateTimeOffset now) =>
        errors.When(
            resubmitBy < ChineseDate.DayOf(now),
            "Review.ResubmitByPast",
            "重新提交期限不能早于今天。",
            "ResubmitBy");
}
