namespace ResearchPortal.Domain.CloseOuts;

/// <summary>执行情况验收表 (Annex 6). The host unit fills the people, the summary and its own score; the applicant unit
/// adds its score, which is the project's acceptance result.</summary>
public sealed record AcceptanceForm
{
    public static readonly AcceptanceForm Empty = new();

    /// <summary>负责人.</summary>
    public string? ResponsiblePerson { get; init; }

    public string? Phone { get; init; }

    /// <summary>研修基本情况及取得的主要效果, at most 500 characters.</summary>
    public string? Summary { get; init; }

    /// <summary>承办单位评估结果.</summary>
    public Score? HostScore { get; init; }

    /// <summary>申报单位验收意见.</summary>
    public Score? ApplicantScore { get; init; }

    public Score? AcceptanceResult => ApplicantScore;
}
