namespace ResearchPortal.Domain.Common;

/// <summary>An inclusive span of calendar dates.</summary>
public sealed record DateRange
{
    private DateRange()
    {
    }

    public DateOnly Start { get; private init; }

    public DateOnly End { get; private init; }

    /// <summary>Calendar days counting both ends: 2024-10-14..2024-10-16 is 3 days.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => Start <= date && date <= End;

    public static Result<DateRange> Create(DateOnly start, DateOnly end, string endField = nameof(End)) =>
        end < start
            ? Result.Failure<DateRange>(new Error("DateRange.EndBeforeStart", "结束日期不能早于开始日期。", endField))
            : Result.Success(new DateRange { Start = start, End = end });
}
