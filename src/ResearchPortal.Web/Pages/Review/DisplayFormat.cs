using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Review;

public static class DisplayFormat
{
    /// <summary>A moment in China Standard Time: "2025年6月2日 10:00".</summary>
    public static string Moment(DateTimeOffset at)
    {
        var local = at.ToOffset(PortalClock.ChinaOffset);
        return $"{ChineseDate.Format(DateOnly.FromDateTime(local.DateTime))} {local:HH:mm}";
    }

    /// <summary>A computed deadline, marked when it assumed Monday–Friday for a year without a published calendar.</summary>
    public static string Deadline(Domain.Calendar.CalendarDate date) =>
        date.IsProvisional ? $"{ChineseDate.Format(date.Date)}（暂定）" : ChineseDate.Format(date.Date);
}
