using System.Globalization;
using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Documents.Pdf;

namespace ResearchPortal.Web.Documents.Forms;

/// <summary>Wording and blocks the annex forms share: dates written the official way, hours, the stamp-and-date box.</summary>
internal static class FormText
{
    /// <summary>The blank "年 月 日" of the paper forms, wide enough to write a date in by hand.</summary>
    public const string BlankDate = "        年    月    日";

    /// <summary>A form date: "2025 年 9 月 26 日", or the blank to fill in by hand when not known yet.</summary>
    public static string Date(DateOnly? date) => date is { } d ? $"{d.Year} 年 {d.Month} 月 {d.Day} 日" : BlankDate;

    /// <summary>The date in China of an instant (e.g. when a filing was approved).</summary>
    public static DateOnly? ChinaDate(DateTimeOffset? at) => at is { } instant ? ChineseDate.DayOf(instant) : null;

    /// <summary>"2025年9月15日至2025年9月19日".</summary>
    public static string Period(DateRange? dates) =>
        dates is null ? string.Empty : $"{ChineseDate.Format(dates.Start)}至{ChineseDate.Format(dates.End)}";

    /// <summary>24 → "24", 24.5 → "24.5".</summary>
    public static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// An opinion box: its label on the left, the opinion at the top and "(公章) / 年 月 日" at the bottom right,
    /// tall enough for a stamp.
    /// </summary>
    public static PdfRow StampedOpinion(PdfCell label, string? opinion, int valueColumns, string stampLabel, DateOnly? date, double height) =>
        new(label, new PdfCell(opinion, valueColumns) { SignOff = $"{stampLabel}\n{Date(date)}" }) { MinHeight = height };
}
