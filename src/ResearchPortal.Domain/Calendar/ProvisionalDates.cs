using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Calendar;

/// <summary>How a provisional date is named wherever it is shown: in refusals, deadlines, mails and documents.</summary>
public static class ProvisionalDates
{
    /// <summary>"暂定：2027年节假日安排尚未公布，按周一至周五计算，元旦、劳动节、国庆节当天按放假计".</summary>
    public static string Explanation(int unpublishedYear) =>
        $"暂定：{unpublishedYear}年节假日安排尚未公布，按周一至周五计算，元旦、劳动节、国庆节当天按放假计";

    /// <summary>The date, followed by the explanation in brackets when it is provisional.</summary>
    public static string Format(CalendarDate date) => Format(date.Date, date.IsProvisional ? date.UnpublishedYear ?? date.Date.Year : null);

    public static string Format(DateOnly date, int? unpublishedYear) =>
        unpublishedYear is { } year ? $"{ChineseDate.Format(date)}（{Explanation(year)}）" : ChineseDate.Format(date);
}
