namespace ResearchPortal.Domain.Calendar;

public enum CalendarDayKind
{
    /// <summary>法定节假日 (including the weekend days folded into a holiday block).</summary>
    Holiday,

    /// <summary>调休上班: a Saturday or Sunday that is a working day.</summary>
    AdjustedWorkday,
}

/// <summary>One listed day of a <see cref="HolidayCalendarYear"/>.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);
