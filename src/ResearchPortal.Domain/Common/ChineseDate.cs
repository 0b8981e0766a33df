namespace ResearchPortal.Domain.Common;

/// <summary>The portal's one way of writing dates and moments, on every page and in every mail.</summary>
public static class ChineseDate
{
    /// <summary>China Standard Time (UTC+8, no daylight saving): the time zone of every date the portal shows.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>2024-09-25 → "2024年9月25日", the form used in official documents.</summary>
    public static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>A moment in China Standard Time: "2026年11月30日 07:52".</summary>
    public static string Format(DateTimeOffset at)
    {
        var local = at.ToOffset(ChinaOffset);
        return $"{Format(DayOf(at))} {local.Hour:D2}:{local.Minute:D2}";
    }

    /// <summary>The calendar day in China of a moment (e.g. when a filing was approved or a number revoked).</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime);
}
