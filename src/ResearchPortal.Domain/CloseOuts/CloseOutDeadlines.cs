using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Domain.Rules;

namespace ResearchPortal.Domain.CloseOuts;

public static class CloseOutDeadlines
{
    /// <summary>结束后 15 个工作日内: the 15th working day after the end date (end 2024-09-13 → due 2024-10-11).</summary>
    public static CalendarDate DueDate(DateOnly endDate, WorkingDayCalendar calendar) =>
        calendar.WorkingDayAfter(endDate, SeminarRules.CloseOutWorkingDays);

    /// <summary>The close-out of a class that ended on <paramref name="endDate"/>, first submitted on
    /// <paramref name="firstSubmittedOn"/> (null: never; a return does not undo it), against the due date recorded at
    /// that first submission (<see cref="CloseOut.DueDate"/>), or before it the one counted from the end date.</summary>
    public static Timeliness Timeliness(
        DateOnly endDate, DateOnly? firstSubmittedOn, DateOnly? recordedDueDate, DateOnly today, WorkingDayCalendar calendar) =>
        TimelinessRule.Of(recordedDueDate ?? DueDate(endDate, calendar).Date, firstSubmittedOn, today);
}
