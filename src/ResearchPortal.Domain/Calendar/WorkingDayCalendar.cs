namespace ResearchPortal.Domain.Calendar;

/// <summary>Answers working-day questions from the holiday years; a year a reviewer has not marked published falls
/// back to Monday–Friday (with the days already entered for it and the fixed-date holidays) and every answer that
/// touched it is marked provisional.</summary>
public sealed class WorkingDayCalendar
{
    /// <summary>Holidays whose date never moves, so they are certain even before the year's notice is published.</summary>
    private static readonly Dictionary<(int Month, int Day), string> FixedDateHolidays = new()
    {
        [(1, 1)] = "元旦",
        [(5, 1)] = "劳动节",
        [(10, 1)] = "国庆节",
    };

    private readonly Dictionary<DateOnly, CalendarDay> _listedDays;
    private readonly HashSet<int> _publishedYears;

    /// <summary>Each year's running count of working days, built on first use: lists count days for every row on
    /// every request, so a count reads two entries per year instead of walking the days. Shared across threads; two
    /// threads building the same year build the same table.</summary>
    private readonly WorkingDaysInYear?[] _yearTables = new WorkingDaysInYear?[DateOnly.MaxValue.Year + 1];

    public WorkingDayCalendar(IEnumerable<HolidayCalendarYear> years)
    {
        var yearList = years.ToList();
        _publishedYears = yearList.Where(year => year.IsPublished).Select(year => year.Year).ToHashSet();
        _listedDays = yearList.SelectMany(year => year.Days).ToDictionary(day => day.Date);
    }

    public bool IsPublished(int year) => _publishedYears.Contains(year);

    public bool IsWorkingDay(DateOnly date) => YearTable(date.Year).IsWorkingDay(date.DayOfYear);

    /// <summary>Why <paramref name="date"/> is not a working day ("国庆节假期", "周六休息日"), or null when it is one.</summary>
    public string? DayOffReason(DateOnly date)
    {
        if (_listedDays.TryGetValue(date, out var listed))
        {
            return listed.Kind == CalendarDayKind.Holiday ? $"{listed.Name}假期" : null;
        }

        if (!IsPublished(date.Year) && FixedDateHolidays.TryGetValue((date.Month, date.Day), out var holiday))
        {
            return $"{holiday}假期";
        }

        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => "周六休息日",
            DayOfWeek.Sunday => "周日休息日",
            _ => null,
        };
    }

    /// <summary>The n-th working day after <paramref name="date"/>; the date itself is not counted.</summary>
    public CalendarDate WorkingDayAfter(DateOnly date, int n) => Walk(date, n, step: 1);

    /// <summary>The n-th working day before <paramref name="date"/>; the date itself is not counted.</summary>
    public CalendarDate WorkingDayBefore(DateOnly date, int n) => Walk(date, n, step: -1);

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="upTo"/>]; zero when upTo is not later.</summary>
    public CalendarCount WorkingDaysBetween(DateOnly after, DateOnly upTo)
    {
        var count = 0;
        int? unpublished = null;
        for (var year = after.Year; after < upTo && year <= upTo.Year; year++)
        {
            var table = YearTable(year);
            var from = year == after.Year ? after.DayOfYear : 0;
            var to = year == upTo.Year ? upTo.DayOfYear : table.DayCount;
            if (from < to)
            {
                count += table.WorkingDaysUpTo(to) - table.WorkingDaysUpTo(from);
                unpublished ??= IsPublished(year) ? null : year;
            }
        }

        return new CalendarCount(count, unpublished is not null) { UnpublishedYear = unpublished };
    }

    /// <summary>How many working days <paramref name="today"/> is past <paramref name="due"/>. Anything after the
    /// due date counts as at least one day late, so a deadline missed over a weekend or holiday never reads
    /// "overdue by 0 working days".</summary>
    public CalendarCount WorkingDaysOverdue(DateOnly due, DateOnly today)
    {
        if (today <= due)
        {
            return IsPublished(due.Year) ? new CalendarCount(0, false) : new CalendarCount(0, true) { UnpublishedYear = due.Year };
        }

        var between = WorkingDaysBetween(due, today);
        return between with { Count = Math.Max(1, between.Count) };
    }

    private CalendarDate Walk(DateOnly date, int n, int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        int? unpublished = null;
        var found = 0;
        var current = date;
        // A stored date at the edge of the range (a typing slip like 0001-01-03) saturates instead of overflowing,
        // so one bad record cannot break every list that derives a deadline from it.
        while (found < n && current != DateOnly.MinValue && current != DateOnly.MaxValue)
        {
            current = current.AddDays(step);
            unpublished ??= IsPublished(current.Year) ? null : current.Year;
            if (IsWorkingDay(current))
            {
                found++;
            }
        }

        return new CalendarDate(current, unpublished is not null) { UnpublishedYear = unpublished };
    }

    private WorkingDaysInYear YearTable(int year) =>
        _yearTables[year] ??= new WorkingDaysInYear(year, date => DayOffReason(date) is null);

    /// <summary>Working days counted from the start of one year: entry k holds those among its first k days.</summary>
    private sealed class WorkingDaysInYear
    {
        private readonly short[] _runningCount;

        public WorkingDaysInYear(int year, Func<DateOnly, bool> isWorkingDay)
        {
            var first = new DateOnly(year, 1, 1);
            _runningCount = new short[(DateTime.IsLeapYear(year) ? 366 : 365) + 1];
            for (var day = 1; day < _runningCount.Length; day++)
            {
                _runningCount[day] = (short)(_runningCount[day - 1] + (isWorkingDay(first.AddDays(day - 1)) ? 1 : 0));
            }
        }

        public int DayCount => _runningCount.Length - 1;

        public int WorkingDaysUpTo(int dayOfYear) => _runningCount[dayOfYear];

        public bool IsWorkingDay(int dayOfYear) => _runningCount[dayOfYear] != _runningCount[dayOfYear - 1];
    }
}
