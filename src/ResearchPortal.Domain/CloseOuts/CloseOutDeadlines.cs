using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Rules;

namespace ResearchPortal.Domain.CloseOuts;

public static class CloseOutDeadlines
{
    /// <summary>结束后 15 个工作日内: the 15th working day after the end date (end 2024-09-13 → due 2024-10-11).</summary>
    public static CalendarDate DueDate(DateOnly endDate, WorkingDayCalendar calendar) =>
        calendar.WorkingDayAfter(endDate, SeminarRules.CloseOutWorkingDays);
}
