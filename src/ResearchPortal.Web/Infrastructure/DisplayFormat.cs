using ResearchPortal.Domain.Common;

namespace ResearchPortal.Web.Infrastructure;

public static class DisplayFormat
{
    /// <summary>A computed deadline, marked when it assumed Monday–Friday for a year without a published calendar.</summary>
    public static string Deadline(Domain.Calendar.CalendarDate date) =>
        date.IsProvisional ? $"{ChineseDate.Format(date.Date)}（暂定）" : ChineseDate.Format(date.Date);
}
