namespace ResearchPortal.Domain.Calendar;

/// <summary>A date computed from the calendar; provisional when a year involved has no published holiday notice
/// and Monday–Friday was assumed instead (<see cref="UnpublishedYear"/> names that year).</summary>
public sealed record CalendarDate(DateOnly Date, bool IsProvisional)
{
    public int? UnpublishedYear { get; init; }
}

/// <summary>A count of working days; provisional for the same reason as <see cref="CalendarDate"/>.</summary>
public sealed record CalendarCount(int Count, bool IsProvisional)
{
    public int? UnpublishedYear { get; init; }
}
