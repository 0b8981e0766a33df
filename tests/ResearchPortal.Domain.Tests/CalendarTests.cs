using ResearchPortal.Domain.Calendar;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class CalendarTests
{
    [Theory]
    [InlineData("2024-09-14", true)] // Saturday, 中秋节调休上班
    [InlineData("2024-10-12", true)] // Saturday, 国庆节调休上班
    [InlineData("2026-02-14", true)] // Saturday, 春节调休上班
    [InlineData("2024-10-01", false)] // 国庆节
    [InlineData("2024-09-16", false)] // Monday, 中秋节
    [InlineData("2024-09-21", false)] // plain Saturday
    [InlineData("2024-09-22", false)] // plain Sunday
    [InlineData("2024-09-23", true)] // plain Monday
    [InlineData("2025-10-08", false)] // 国庆节、中秋节, a Wednesday
    public void Working_days_follow_the_official_notices(string date, bool working) =>
        Assert.Equal(working, WorkDays.IsWorkingDay(D(date)));

    [Fact]
    public void A_stored_date_at_the_edge_of_the_calendar_saturates_instead_of_overflowing()
    {
        Assert.Equal(DateOnly.MinValue, WorkDays.WorkingDayBefore(D("0001-01-03"), 10).Date);
        Assert.Equal(DateOnly.MaxValue, WorkDays.WorkingDayAfter(DateOnly.MaxValue.AddDays(-2), 15).Date);
        Assert.Equal(0, WorkDays.WorkingDaysBetween(DateOnly.MaxValue, DateOnly.MaxValue).Count);
    }

    [Fact]
    public void Latest_filing_date_example_from_the_notice()
    {
        var result = WorkDays.WorkingDayBefore(D("2024-10-14"), 10);

        Assert.Equal(new CalendarDate(D("2024-09-25"), false), result);
    }

    [Fact]
    public void Close_out_due_date_example_from_the_notice()
    {
        var result = WorkDays.WorkingDayAfter(D("2024-09-13"), 15);

        Assert.Equal(new CalendarDate(D("2024-10-11"), false), result);
    }

    [Fact]
    public void The_starting_date_is_not_counted() =>
        Assert.Equal(D("2024-09-24"), WorkDays.WorkingDayAfter(D("2024-09-23"), 1).Date);

    [Fact]
    public void Walking_into_an_unpublished_year_is_provisional_and_uses_monday_to_friday_but_new_year()
    {
        var result = WorkDays.WorkingDayAfter(D("2026-12-31"), 1);

        Assert.Equal(new CalendarDate(D("2027-01-04"), true) { UnpublishedYear = 2027 }, result);
        Assert.False(WorkDays.IsPublished(2027));
        Assert.True(WorkDays.IsPublished(2026));
    }

    [Theory]
    [InlineData("2027-01-01", "元旦假期")]
    [InlineData("2027-10-01", "国庆节假期")]
    [InlineData("2028-05-01", "劳动节假期")]
    [InlineData("2027-01-02", "周六休息日")]
    [InlineData("2027-01-04", null)]
    public void Fixed_date_holidays_are_holidays_in_provisional_years(string date, string? name) =>
        Assert.Equal(name, WorkDays.DayOffReason(D(date)));

    [Fact]
    public void A_provisional_date_says_which_year_and_how_it_was_computed()
    {
        var latest = WorkDays.WorkingDayBefore(D("2027-01-15"), 10);

        Assert.Equal(D("2026-12-31"), latest.Date);
        Assert.Equal(
            "2026年12月31日（暂定：2027年节假日安排尚未公布，按周一至周五计算，元旦、劳动节、国庆节当天按放假计）",
            ProvisionalDates.Format(latest));
        Assert.Equal("2024年9月25日", ProvisionalDates.Format(WorkDays.WorkingDayBefore(D("2024-10-14"), 10)));
    }

    [Fact]
    public void A_created_year_counts_only_once_marked_published()
    {
        var year = HolidayCalendarYear.Create(2027, "国办发明电〔2026〕1号").Value;
        AssertSingleError(year.Publish(), "Calendar.NothingToPublish");
        AssertSuccess(year.AddHolidays(D("2027-02-06"), D("2027-02-13"), "春节"));

        var drafted = new WorkingDayCalendar([.. OfficialCalendars.All, year]);
        Assert.False(drafted.IsPublished(2027));
        Assert.Equal("春节假期", drafted.DayOffReason(D("2027-02-08")));
        Assert.True(drafted.WorkingDayAfter(D("2027-02-05"), 1).IsProvisional);

        AssertSuccess(year.Publish());
        var published = new WorkingDayCalendar([.. OfficialCalendars.All, year]);
        Assert.True(published.IsPublished(2027));
        Assert.Equal(new CalendarDate(D("2027-02-15"), false), published.WorkingDayAfter(D("2027-02-05"), 1));
        Assert.True(published.IsWorkingDay(D("2027-10-01"))); // a published year counts only the days listed in it
        AssertSingleError(year.Publish(), "Calendar.AlreadyPublished");
    }

    [Fact]
    public void Walking_inside_a_published_year_is_not_provisional() =>
        Assert.False(WorkDays.WorkingDayBefore(D("2026-03-09"), 10).IsProvisional);

    [Theory]
    [InlineData("2024-10-11", "2024-10-11", 0)]
    [InlineData("2024-10-11", "2024-10-12", 1)]
    [InlineData("2024-10-11", "2024-10-14", 2)]
    [InlineData("2024-09-30", "2024-10-08", 1)]
    [InlineData("2024-10-11", "2024-10-01", 0)]
    public void Working_days_between_counts_the_half_open_interval(string after, string upTo, int count) =>
        Assert.Equal(new CalendarCount(count, false), WorkDays.WorkingDaysBetween(D(after), D(upTo)));

    [Theory]
    [InlineData("2024-10-11", "2024-10-11", 0)]
    [InlineData("2024-10-11", "2024-10-12", 1)]
    [InlineData("2024-10-11", "2024-10-13", 1)] // Sunday after the adjusted Saturday: still 1
    [InlineData("2024-10-11", "2024-10-14", 2)]
    [InlineData("2024-09-30", "2024-10-03", 1)] // past the due date over a holiday only: at least 1
    public void Working_days_overdue_is_at_least_one_once_past_the_due_date(string due, string today, int late) =>
        Assert.Equal(late, WorkDays.WorkingDaysOverdue(D(due), D(today)).Count);

    [Fact]
    public void Official_calendars_cover_2024_to_2026_with_names_and_notices()
    {
        var years = OfficialCalendars.All;

        Assert.Equal([2024, 2025, 2026], years.Select(year => year.Year));
        Assert.Contains("国办发明电〔2023〕7号", years[0].Notice);
        Assert.Contains("国办发明电〔2024〕12号", years[1].Notice);
        Assert.Contains("国办发明电〔2025〕7号", years[2].Notice);
        Assert.Equal("国庆节、中秋节", years[1].Days.Single(day => day.Date == D("2025-10-01")).Name);
        Assert.Equal("春节", years[2].Days.Single(day => day.Date == D("2026-02-23")).Name);
        Assert.Equal(8, years[0].Days.Count(day => day.Kind == CalendarDayKind.AdjustedWorkday));
        Assert.Equal(5, years[1].Days.Count(day => day.Kind == CalendarDayKind.AdjustedWorkday));
        Assert.Equal(6, years[2].Days.Count(day => day.Kind == CalendarDayKind.AdjustedWorkday));
    }

    [Fact]
    public void Official_calendars_are_fresh_instances_every_time() =>
        Assert.NotSame(OfficialCalendars.All[0], OfficialCalendars.All[0]);

    [Fact]
    public void A_holiday_outside_the_year_is_refused_and_nothing_is_added()
    {
        var year = HolidayCalendarYear.Create(2027, "国务院办公厅关于2027年部分节假日安排的通知").Value;

        var result = year.AddHolidays(D("2026-12-31"), D("2027-01-01"), "元旦");

        AssertSingleError(result, "Calendar.DateOutsideYear");
        Assert.Empty(year.Days);
    }

    [Fact]
    public void The_notice_reference_is_required()
    {
        var year = HolidayCalendarYear.Create(2027, "通知").Value;

        AssertSingleError(year.UpdateNotice(" "), "Required");
        AssertSuccess(year.UpdateNotice("国办发明电〔2026〕1号"));
        Assert.Equal("国办发明电〔2026〕1号", year.Notice);
    }

    [Fact]
    public void A_date_cannot_be_listed_twice()
    {
        var year = HolidayCalendarYear.Create(2027, "通知").Value;
        AssertSuccess(year.AddHolidays(D("2027-01-01"), D("2027-01-03"), "元旦"));

        AssertSingleError(year.AddHolidays(D("2027-01-03"), D("2027-01-03"), "元旦"), "Calendar.DateAlreadyListed");
    }

    [Theory]
    [InlineData("2027-01-09", true)] // Saturday
    [InlineData("2027-01-10", true)] // Sunday
    [InlineData("2027-01-11", false)] // Monday
    public void Only_a_weekend_day_can_be_an_adjusted_workday(string date, bool accepted)
    {
        var year = HolidayCalendarYear.Create(2027, "通知").Value;

        var result = year.AddAdjustedWorkday(D(date), "调休上班");

        Assert.Equal(accepted, result.IsSuccess);
    }

    [Fact]
    public void Removing_a_day_restores_the_weekday_rule()
    {
        var year = HolidayCalendarYear.Create(2027, "通知").Value;
        AssertSuccess(year.AddHolidays(D("2027-05-03"), D("2027-05-03"), "劳动节"));
        Assert.False(new WorkingDayCalendar([year]).IsWorkingDay(D("2027-05-03")));

        AssertSuccess(year.RemoveDay(D("2027-05-03")));

        Assert.True(new WorkingDayCalendar([year]).IsWorkingDay(D("2027-05-03")));
        AssertSingleError(year.RemoveDay(D("2027-05-03")), "Calendar.DayNotListed");
    }

    [Theory]
    [InlineData("2023-12-20", "2024-01-10")] // from before the listed years into the first one
    [InlineData("2024-09-13", "2024-10-14")] // 中秋节 and 国庆节 with their adjusted Saturdays
    [InlineData("2024-12-31", "2025-01-02")] // starts on a year's last day: that year is not counted
    [InlineData("2025-06-30", "2027-03-01")] // across published years into an unpublished one
    [InlineData("2026-12-31", "2028-12-31")] // two unpublished years, a leap year's last day included
    [InlineData("2024-03-01", "2024-03-01")]
    [InlineData("2024-03-02", "2024-03-01")]
    public void Working_days_between_two_dates_are_counted_as_a_day_by_day_walk_counts_them(string after, string upTo)
    {
        var drafted = HolidayCalendarYear.Create(2027, "通知").Value;
        AssertSuccess(drafted.AddHolidays(D("2027-02-08"), D("2027-02-12"), "春节"));
        var calendar = new WorkingDayCalendar([.. OfficialCalendars.All, drafted]);
        var (walked, firstUnpublished) = (0, (int?)null);
        for (var date = D(after).AddDays(1); date <= D(upTo); date = date.AddDays(1))
        {
            walked += calendar.IsWorkingDay(date) ? 1 : 0;
            firstUnpublished ??= calendar.IsPublished(date.Year) ? null : date.Year;
        }

        var counted = calendar.WorkingDaysBetween(D(after), D(upTo));

        Assert.Equal(new CalendarCount(walked, firstUnpublished is not null) { UnpublishedYear = firstUnpublished }, counted);
        Assert.All(Enumerable.Range(0, 800).Select(offset => D("2023-06-01").AddDays(offset)),
            date => Assert.Equal(calendar.DayOffReason(date) is null, calendar.IsWorkingDay(date)));
    }
}
