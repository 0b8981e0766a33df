namespace ResearchPortal.Domain.Calendar;

/// <summary>A date computed from the calendar; provisional when a year involved has no published holiday notice
/// and Monday–Friday was assumed instead.</summary>
public sealed record CalendarDate(DateOnly Date, bool IsProvisional);

/// <summary>A count of working days; provisional for the same reason as <see cref="CalendarDate"/>.</summary>
public sealed record CalendarCount(int Count, bool IsProvisional);
