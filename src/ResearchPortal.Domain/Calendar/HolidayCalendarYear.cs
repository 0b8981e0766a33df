using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Calendar;

/// <summary>The State Council's holiday arrangement for one year: holidays and 调休 working weekend days.</summary>
public sealed class HolidayCalendarYear
{
    public const int NameMaxLength = 50;
    public const int NoticeMaxLength = 200;

    private readonly List<CalendarDay> _days = [];

    private HolidayCalendarYear()
    {
        Notice = string.Empty;
    }

    public int Year { get; private set; }

    /// <summary>The notice the days come from, e.g. 国办发明电〔2023〕7号.</summary>
    public string Notice { get; private set; }

    public IReadOnlyList<CalendarDay> Days => _days;

    /// <summary>Marked by a reviewer once every day of the notice is entered; until then the year's dates are
    /// provisional (creating the year is not enough: its days may still be missing).</summary>
    public bool IsPublished { get; private set; }

    public static Result<HolidayCalendarYear> Create(int year, string notice)
    {
        var errors = new ErrorCollector()
            .When(year is < 2000 or > 2100, "Calendar.YearOutOfRange", "年份须在 2000 至 2100 之间。", nameof(Year))
            .RequiredWithin(notice, NoticeMaxLength, nameof(Notice), "通知文号");

        return errors.ToResult(() => new HolidayCalendarYear { Year = year, Notice = notice.Trim() });
    }

    public Result UpdateNotice(string notice)
    {
        return new ErrorCollector().RequiredWithin(notice, NoticeMaxLength, nameof(Notice), "通知文号").Apply(() => Notice = notice.Trim());
    }

    public Result Publish() =>
        new ErrorCollector()
            .When(IsPublished, "Calendar.AlreadyPublished", $"{Year} 年节假日安排已标记为已公布。", nameof(IsPublished))
            .When(
                !IsPublished && !_days.Any(day => day.Kind == CalendarDayKind.Holiday),
                "Calendar.NothingToPublish",
                $"{Year} 年尚未录入放假日期，请先按通知录入后再标记为已公布。",
                nameof(IsPublished))
            .Apply(() => IsPublished = true);

    /// <summary>Lists every date from <paramref name="from"/> to <paramref name="to"/> as a holiday, or none of them.</summary>
    public Result AddHolidays(DateOnly from, DateOnly to, string name)
    {
        var errors = ValidateName(name)
            .When(to < from, "Calendar.EndBeforeStart", "假期结束日期不能早于开始日期。", nameof(Days));
        if (!errors.HasErrors)
        {
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                ValidateNewDate(errors, date);
            }
        }

        if (errors.HasErrors)
        {
            return errors.ToResult();
        }

        for (var date = from; date <= to; date = date.AddDays(1))
        {
            _days.Add(new CalendarDay(date, CalendarDayKind.Holiday, name.Trim()));
        }

        SortDays();
        return Result.Success();
    }

    public Result AddAdjustedWorkday(DateOnly date, string name)
    {
        var errors = ValidateName(name)
            .When(
                date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
                "Calendar.AdjustedWorkdayNotWeekend",
                $"{ChineseDate.Format(date)}不是周六或周日，无需设为调休上班日。",
                nameof(Days));
        ValidateNewDate(errors, date);
        if (errors.HasErrors)
        {
            return errors.ToResult();
        }

        _days.Add(new CalendarDay(date, CalendarDayKind.AdjustedWorkday, name.Trim()));
        SortDays();
        return Result.Success();
    }

    public Result RemoveDay(DateOnly date)
    {
        var removed = _days.RemoveAll(day => day.Date == date);
        return removed > 0
            ? Result.Success()
            : Result.Failure(new Error("Calendar.DayNotListed", $"{ChineseDate.Format(date)}不在本年度日历中。", nameof(Days)));
    }

    private static ErrorCollector ValidateName(string name) =>
        new ErrorCollector().RequiredWithin(name, NameMaxLength, nameof(CalendarDay.Name), "名称");

    private void ValidateNewDate(ErrorCollector errors, DateOnly date)
    {
        errors
            .When(date.Year != Year, "Calendar.DateOutsideYear", $"{ChineseDate.Format(date)}不属于 {Year} 年。", nameof(Days))
            .When(_days.Any(day => day.Date == date), "Calendar.DateAlreadyListed", $"{ChineseDate.Format(date)}已在日历中。", nameof(Days));
    }

    private void SortDays() => _days.Sort((left, right) => left.Date.CompareTo(right.Date));
}
