using ResearchPortal.Domain.CloseOuts;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>The facts behind the reviewer's three warnings on a close-out, as recorded at its latest submission.</summary>
public sealed record CloseOutFlags(
    bool IsOverdue, int WorkingDaysLate, bool DueDateProvisional, bool IsUnderstaffed, int? RosterSize, string? UnderstaffedExplanation, Score? ApplicantScore)
{
    public static CloseOutFlags Of(CloseOut closeOut) => new(
        closeOut.IsOverdue, closeOut.WorkingDaysLate, closeOut.DueDateProvisional, closeOut.IsUnderstaffed,
        closeOut.RosterSizeAtSubmission, closeOut.UnderstaffedExplanation, closeOut.Acceptance.ApplicantScore);
}
