namespace ResearchPortal.Domain.Rules;

/// <summary>Every numeric rule of 鲁人社函〔2024〕80号, in one place.</summary>
public static class SeminarRules
{
    /// <summary>举办时间一般为 3-5 天: calendar days, start and end included.</summary>
    public const int MinDays = 3;

    public const int MaxDays = 5;

    /// <summary>不少于 24 学时.</summary>
    public const int MinHours = 24;

    /// <summary>学员不少于 30 人.</summary>
    public const int MinTrainees = 30;

    /// <summary>开班前 10 个工作日 file with the province.</summary>
    public const int FilingLeadWorkingDays = 10;

    /// <summary>研修项目结束后 15 个工作日内 hand in the close-out documents.</summary>
    public const int CloseOutWorkingDays = 15;

    /// <summary>The portal's own reminder window (not the notice's): the host is reminded of a close-out due within
    /// this many working days.</summary>
    public const int DueSoonWorkingDays = 3;

    /// <summary>推荐成果数量不超过学员人数的 20%.</summary>
    public const int OutcomeCapPercent = 20;

    /// <summary>评分满分为 100 分，70 分合格.</summary>
    public const int PassingScore = 70;

    public const int MinScore = 0;

    public const int MaxScore = 100;

    /// <summary>研修基本情况及取得的主要效果 (500字以内).</summary>
    public const int AcceptanceSummaryMaxLength = 500;

    /// <summary>A roster under 30 trainees needs a written explanation at close-out and is flagged to the reviewer.</summary>
    public static bool IsUnderstaffed(int rosterSize) => rosterSize < MinTrainees;

    /// <summary>Floor of 20 % of the roster: 30 → 6, 34 → 6, 35 → 7.</summary>
    public static int MaxRecommendedOutcomes(int rosterSize) => Math.Max(0, rosterSize) * OutcomeCapPercent / 100;
}
