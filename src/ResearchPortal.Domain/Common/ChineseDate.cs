namespace ResearchPortal.Domain.Common;

public static class ChineseDate
{
    /// <summary>2024-09-25 → "2024年9月25日", the form used in official documents.</summary>
    public static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
