using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Rules;

namespace ResearchPortal.Domain.Projects;

public enum DeadlineKind
{
    /// <summary>备案截止: the latest filing date.</summary>
    Filing,

    /// <summary>开班: the start date.</summary>
    Opening,

    /// <summary>结业材料截止: the close-out due date.</summary>
    CloseOut,
}

/// <summary>The next date a project must meet, and how far away (or how far past) it is in working days.</summary>
public sealed record NextDeadline(
    DeadlineKind Kind, DateOnly Date, bool IsProvisional, bool IsToday, int WorkingDaysRemaining, int WorkingDaysOverdue)
{
    public bool IsOverdue => WorkingDaysOverdue > 0;

    /// <summary>The date alone, provisional only when the date itself is (<see cref="IsProvisional"/> also counts the
    /// working days to it): what a mail names as the due date.</summary>
    public CalendarDate Due { get; init; } = new(Date, IsProvisional);

    /// <summary>Not yet overdue (which it is from the day after) and at most <see cref="SeminarRules.DueSoonWorkingDays"/> working days away.</summary>
    public bool IsDueSoon => !IsOverdue && WorkingDaysRemaining <= SeminarRules.DueSoonWorkingDays;

    /// <summary>The year without a published holiday notice that made the deadline provisional.</summary>
    public int? UnpublishedYear { get; init; }

    public static NextDeadline On(DeadlineKind kind, CalendarDate date, DateOnly today, WorkingDayCalendar calendar)
    {
        var remaining = calendar.WorkingDaysBetween(today, date.Date);
        var overdue = calendar.WorkingDaysOverdue(date.Date, today);
        return new NextDeadline(
            kind,
            date.Date,
            date.IsProvisional || remaining.IsProvisional || overdue.IsProvisional,
            date.Date == today,
            remaining.Count,
            overdue.Count)
        {
            UnpublishedYear = date.UnpublishedYear ?? remaining.UnpublishedYear ?? overdue.UnpublishedYear,
            Due = date,
        };
    }
}
