namespace ResearchPortal.Domain.CloseOuts;

/// <summary>A chapter of Annex 5 (一、二、三、五、六、七 — the template skips 四).</summary>
public sealed record SelfEvaluationChapter(string Number, string Title, string Guidance, IReadOnlyList<SelfEvaluationItem> Items);

/// <summary>A fillable item. <see cref="Number"/> is "（一）"… or empty when the chapter is filled as a whole.</summary>
public sealed record SelfEvaluationItem(
    string Number, string Title, string Guidance, string FieldName, bool IsRequired, Func<SelfEvaluationReport, string?> Read)
{
    public string? ValueIn(SelfEvaluationReport report) => Read(report);
}

/// <summary>The Annex 5 template as data: numbering, titles and the template's guidance, for form hints, the
/// printed report and the completeness check. "未完成原因" and "其他" are optional: there may be nothing to say.</summary>
public static class SelfEvaluationSections
{
    public static IReadOnlyList<SelfEvaluationChapter> Chapters { get; } =
    [
        new("一", "项目概况", "介绍项目基本情况，重点说明以下内容：",
        [
            new("（一）", "项目单位基本情况、项目申报及批复情况", "", nameof(SelfEvaluationReport.BasicInformation), true, r => r.BasicInformation),
            new("（二）", "项目绩效目标", "说明项目主要内容、涉及范围、计划实现的具体绩效目标以及项目实施进度计划等。",
                nameof(SelfEvaluationReport.PerformanceGoals), true, r => r.PerformanceGoals),
        ]),
        new("二", "项目组织实施情况", "",
        [
            new("（一）", "项目组织情况分析", "包括项目申报情况、调整情况、完成验收等。",
                nameof(SelfEvaluationReport.OrganizationAnalysis), true, r => r.OrganizationAnalysis),
            new("（二）", "项目管理情况分析", "包括项目管理机制建设、检查监督管理等情况。",
                nameof(SelfEvaluationReport.ManagementAnalysis), true, r => r.ManagementAnalysis),
            new("（三）", "项目党建情况分析", "包括班委、临时党小组建设，政治学习、主题实践、便民服务活动开展等情况。",
                nameof(SelfEvaluationReport.PartyBuildingAnalysis), true, r => r.PartyBuildingAnalysis),
        ]),
        new("三", "项目绩效情况", "",
        [
            new("（一）", "项目绩效目标完成情况分析",
                "将项目支出后的实际状况与申报的绩效目标对比，从项目的经济性、效率性、有效性和可持续性等方面进行量化、具体分析。"
                + "其中：项目的经济性分析主要是对项目成本（预算）控制、节约等情况进行分析；项目的效率性分析主要是对项目实施（完成）的进度及质量等情况进行分析；"
                + "项目的有效性分析主要是对反映项目资金使用效果的个性指标进行分析；项目的可持续性分析主要是对项目完成后，后续政策、资金、人员机构安排和管理措施等影响项目持续发展的因素进行分析。",
                nameof(SelfEvaluationReport.GoalCompletionAnalysis), true, r => r.GoalCompletionAnalysis),
            new("（二）", "项目绩效目标未完成原因分析", "", nameof(SelfEvaluationReport.ShortfallReasons), false, r => r.ShortfallReasons),
        ]),
        new("五", "其他需要说明的问题", "",
        [
            new("（一）", "后续工作计划", "", nameof(SelfEvaluationReport.FollowUpPlan), true, r => r.FollowUpPlan),
            new("（二）", "主要经验及做法、存在问题和建议", "提出项目改进完善的意见及其他建议。",
                nameof(SelfEvaluationReport.ExperienceAndSuggestions), true, r => r.ExperienceAndSuggestions),
            new("（三）", "其他", "", nameof(SelfEvaluationReport.OtherMatters), false, r => r.OtherMatters),
        ]),
        new("六", "项目评价工作情况", "",
        [
            new("", "项目评价工作情况", "包括评价基础数据收集、资料来源和依据等佐证材料情况，项目现场勘验检查核实等情况。",
                nameof(SelfEvaluationReport.EvaluationWork), true, r => r.EvaluationWork),
        ]),
        new("七", "研修主要成果", "",
        [
            new("", "研修主要成果", "本次研修中，专家和学员对我省相关行业、领域技术发展、前沿问题的意见建议等。（500字左右，可供决策参考的三条以上建议）",
                nameof(SelfEvaluationReport.MainOutcomes), true, r => r.MainOutcomes),
        ]),
    ];

    public static IEnumerable<SelfEvaluationItem> AllItems => Chapters.SelectMany(chapter => chapter.Items);
}
