using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Projects;

/// <summary>Plain words for a deadline: "备案截止 2024年9月25日（还有 3 个工作日）", "结业材料逾期 2 个工作日".</summary>
public static class DeadlineText
{
    public static string Describe(NextDeadline deadline)
    {
        var text = deadline switch
        {
            { IsOverdue: true } => $"{OverdueLabel(deadline.Kind)} {deadline.WorkingDaysOverdue} 个工作日",
            { IsToday: true } => $"{Label(deadline.Kind)} {ChineseDate.Format(deadline.Date)}（今天）",
            _ => $"{Label(deadline.Kind)} {ChineseDate.Format(deadline.Date)}（还有 {deadline.WorkingDaysRemaining} 个工作日）",
        };
        return deadline.IsProvisional
            ? $"{text}（{ProvisionalDates.Explanation(deadline.UnpublishedYear ?? deadline.Date.Year)}）"
            : text;
    }

    public static string Label(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Filing => "备案截止",
        DeadlineKind.Opening => "开班",
        DeadlineKind.CloseOut => "结业材料截止",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string OverdueLabel(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Filing => "备案逾期",
        DeadlineKind.Opening => "开班已过",
        DeadlineKind.CloseOut => "结业材料逾期",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
