using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Domain.Rules;

namespace ResearchPortal.Domain.Filings;

public static class FilingDeadlines
{
    /// <summary>开班前 10 个工作日: the 10th working day counting back from the day before the start date
    /// (start 2024-10-14 → 2024-09-25).</summary>
    public static CalendarDate LatestFilingDate(DateOnly start, WorkingDayCalendar calendar) =>
        calendar.WorkingDayBefore(start, SeminarRules.FilingLeadWorkingDays);

    /// <summary>A filing for a class starting on <paramref name="start"/>, first submitted on
    /// <paramref name="firstSubmittedOn"/> (null: never), against its latest filing date: a return and a later
    /// resubmission do not change it (<see cref="Filing.FirstSubmittedOn"/>).</summary>
    public static Timeliness Timeliness(DateOnly start, DateOnly? firstSubmittedOn, DateOnly today, WorkingDayCalendar calendar) =>
        TimelinessRule.Of(LatestFilingDate(start, calendar).Date, firstSubmittedOn, today);
}
