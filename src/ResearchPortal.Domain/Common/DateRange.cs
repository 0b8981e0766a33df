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

    /// <summary>Dates a seminar can plausibly have; anything else is a typing slip (0001-01-03) that would break
    /// every working-day count made from it.</summary>
    public const int EarliestYear = 2000;

    public const int LatestYear = 2100;

    public static Result<DateRange> Create(DateOnly start, DateOnly end, string startField = nameof(Start), string endField = nameof(End))
    {
        var errors = new ErrorCollector()
            .When(!IsPlausible(start), "DateRange.StartOutOfRange", OutOfRangeMessage("开始"), startField)
            .When(!IsPlausible(end), "DateRange.EndOutOfRange", OutOfRangeMessage("结束"), endField);
        if (!errors.HasErrors)
        {
            errors.When(end < start, "DateRange.EndBeforeStart", "结束日期不能早于开始日期。", endField);
        }

        return errors.ToResult(() => new DateRange { Start = start, End = end });
    }

    public static bool IsPlausible(DateOnly date) => date.Year is >= EarliestYear and <= LatestYear;

    private static string OutOfRangeMessage(string which) => $"{which}日期须在 {EarliestYear} 年至 {LatestYear} 年之间。";
}
