namespace ResearchPortal.Domain.Calendar;

/// <summary>Answers working-day questions from the published holiday years; years without a notice fall back to
/// Monday–Friday and every answer that touched them is marked provisional.</summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _listedDays;
    private readonly HashSet<int> _publishedYears;

    public WorkingDayCalendar(IEnumerable<HolidayCalendarYear> years)
    {
        var yearList = years.ToList();
        _publishedYears = yearList.Select(year => year.Year).ToHashSet();
        _listedDays = yearList.SelectMany(year => year.Days).ToDictionary(day => day.Date, day => day.Kind);
    }

    public bool IsPublished(int year) => _publishedYears.Contains(year);

    public bool IsWorkingDay(DateOnly date) => _listedDays.TryGetValue(date, out var kind)
        ? kind == CalendarDayKind.AdjustedWorkday
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The n-th working day after <paramref name="date"/>; the date itself is not counted.</summary>
    public CalendarDate WorkingDayAfter(DateOnly date, int n) => Walk(date, n, step: 1);

    /// <summary>The n-th working day before <paramref name="date"/>; the date itself is not counted.</summary>
    public CalendarDate WorkingDayBefore(DateOnly date, int n) => Walk(date, n, step: -1);

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="upTo"/>]; zero when upTo is not later.</summary>
    public CalendarCount WorkingDaysBetween(DateOnly after, DateOnly upTo)
    {
        var count = 0;
        var provisional = false;
        for (var date = after; date < upTo;)
        {
            date = date.AddDays(1);
            provisional |= !IsPublished(date.Year);
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return new CalendarCount(count, provisional);
    }

    /// <summary>How many working days <paramref name="today"/> is past <paramref name="due"/>. Anything after the
    /// due date counts as at least one day late, so a deadline missed over a weekend or holiday never reads
    /// "overdue by 0 working days".</summary>
    public CalendarCount WorkingDaysOverdue(DateOnly due, DateOnly today)
    {
        if (today <= due)
        {
            return new CalendarCount(0, !IsPublished(due.Year));
        }

        var between = WorkingDaysBetween(due, today);
        return between with { Count = Math.Max(1, between.Count) };
    }

    private CalendarDate Walk(DateOnly date, int n, int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var provisional = false;
        var found = 0;
        var current = date;
        // A stored date at the edge of the range (a typing slip like 0001-01-03) saturates instead of overflowing,
        // so one bad record cannot break every list that derives a deadline from it.
        while (found < n && current != DateOnly.MinValue && current != DateOnly.MaxValue)
        {
            current = current.AddDays(step);
            provisional |= !IsPublished(current.Year);
            if (IsWorkingDay(current))
            {
                found++;
            }
        }

        return new CalendarDate(current, provisional);
    }
}
