using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Domain.Rules;

namespace ResearchPortal.Domain.CloseOuts;

public static class CloseOutDeadlines
{
    /// <summary>结束后 15 个工作日内: the 15th working day after the end date (end 2024-09-13 → due 2024-10-11).</summary>
    public static CalendarDate DueDate(DateOnly endDate, WorkingDayCalendar calendar) =>
        calendar.WorkingDayAfter(endDate, SeminarRules.CloseOutWorkingDays);

    /// <summary>The close-out of a class that ended on <paramref name="endDate"/>, submitted on <paramref name="submittedOn"/>
    /// (null while not submitted, or returned and not yet submitted again), against its due date — the day
    /// <see cref="CloseOut.Submit"/> measures lateness from.</summary>
    public static Timeliness Timeliness(DateOnly endDate, DateOnly? submittedOn, DateOnly today, WorkingDayCalendar calendar) =>
        TimelinessRule.Of(DueDate(endDate, calendar), submittedOn, today);
}
