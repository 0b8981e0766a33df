using ResearchPortal.Domain.Filings;

namespace ResearchPortal.Web.Data;

/// <summary>
/// A filing as the review queue (备案审核) lists it: its project and host unit, dates, planned trainees, total hours
/// and how often it was returned, worked out in SQL — no attachments, comments or histories read. A row of the
/// view <c>FilingReviewItems</c> (see <see cref="Configurations.FilingReviewItemConfiguration"/>).
/// </summary>
public sealed class FilingReviewItem
{
    public Guid ProjectId { get; init; }

    public FilingStatus Status { get; init; }

    public int Year { get; init; }

    public string ProjectNumber { get; init; } = string.Empty;

    public string ProjectName { get; init; } = string.Empty;

    public string HostName { get; init; } = string.Empty;

    /// <summary>The host unit's city, where the class is held.</summary>
    public string HostCity { get; init; } = string.Empty;

    /// <summary>Set on every submitted filing (submitting requires the dates).</summary>
    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public int? PlannedTraineeCount { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The sum of the expert sessions' hours.</summary>
    public decimal TotalHours { get; init; }

    public int TimesReturned { get; init; }
}
