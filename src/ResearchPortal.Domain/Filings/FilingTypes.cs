using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Filings;

public enum FilingStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
}

/// <summary>One expert's teaching slot on the filing form (授课专家 / 职称职务 / 授课题目 / 学时数).</summary>
public sealed record ExpertSession(string ExpertName, string TitleOrPosition, string Topic, decimal Hours);

/// <summary>Metadata of an attachment; the bytes live in the <see cref="StoredFile"/> row it points to.</summary>
public sealed record AttachmentInfo(Guid StoredFileId, string FileName, string ContentType, long Length)
{
    public static AttachmentInfo For(StoredFile file) => new(file.Id, file.FileName, file.ContentType, file.Length);
}

public sealed record FilingTransition(
    FilingStatus From, FilingStatus To, string ActorUserId, string ActorName, DateTimeOffset At, string? Comment);

/// <summary>A reviewer's permission to submit after the filing deadline, given with a reason for one start date: a
/// refusal computed from a provisional calendar, or a resubmission after the deadline the reviewer set on return.</summary>
public sealed record LateSubmissionAllowance(
    DateOnly StartDate, string Reason, string GrantedByUserId, string GrantedByName, DateTimeOffset GrantedAt);

/// <summary>The editable part of the filing form, saved as a draft at any time.</summary>
public sealed record FilingDetails(
    string? Venue,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? ContactPerson,
    string? OfficePhone,
    string? Mobile,
    int? PlannedTraineeCount,
    IReadOnlyList<ExpertSession> ExpertSessions)
{
    /// <summary>联系人职务, optional.</summary>
    public string? ContactPosition { get; init; }
}

public static class FilingStatusExtensions
{
    public static string ToChinese(this FilingStatus status) => status switch
    {
        FilingStatus.Draft => "草稿",
        FilingStatus.Submitted => "已提交待审核",
        FilingStatus.Returned => "已退回",
        FilingStatus.Approved => "已备案",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
