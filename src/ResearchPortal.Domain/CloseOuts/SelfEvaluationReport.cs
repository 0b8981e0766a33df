namespace ResearchPortal.Domain.CloseOuts;

/// <summary>绩效评价自评报告 (Annex 5). One property per item of the template; the template has no section 四.
/// Titles, guidance and which items are required live in <see cref="SelfEvaluationSections"/>.</summary>
public sealed record SelfEvaluationReport
{
    public static readonly SelfEvaluationReport Empty = new();

    /// <summary>一（一）项目单位基本情况、项目申报及批复情况.</summary>
    public string? BasicInformation { get; init; }

    /// <summary>一（二）项目绩效目标.</summary>
    public string? PerformanceGoals { get; init; }

    /// <summary>二（一）项目组织情况.</summary>
    public string? OrganizationAnalysis { get; init; }

    /// <summary>二（二）项目管理情况.</summary>
    public string? ManagementAnalysis { get; init; }

    /// <summary>二（三）项目党建情况.</summary>
    public string? PartyBuildingAnalysis { get; init; }

    /// <summary>三（一）项目绩效目标完成情况.</summary>
    public string? GoalCompletionAnalysis { get; init; }

    /// <summary>三（二）项目绩效目标未完成原因.</summary>
    public string? ShortfallReasons { get; init; }

    /// <summary>五（一）后续工作计划.</summary>
    public string? FollowUpPlan { get; init; }

    /// <summary>五（二）主要经验及做法、存在问题和建议.</summary>
    public string? ExperienceAndSuggestions { get; init; }

    /// <summary>五（三）其他.</summary>
    public string? OtherMatters { get; init; }

    /// <summary>六、项目评价工作情况.</summary>
    public string? EvaluationWork { get; init; }

    /// <summary>七、研修主要成果.</summary>
    public string? MainOutcomes { get; init; }
}
