using System.Globalization;
using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Calendar;

/// <summary>The State Council holiday notices the portal is seeded with; reviewers maintain later years in the app.</summary>
public static class OfficialCalendars
{
    private sealed record Holiday(string From, string To, string Name);

    private sealed record Workday(string Date, string Name);

    private sealed record NoticeData(int Year, string Notice, Holiday[] Holidays, Workday[] Workdays);

    private static readonly NoticeData[] Notices =
    [
        new(2024, "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）",
            [
                new("2024-01-01", "2024-01-01", "元旦"),
                new("2024-02-10", "2024-02-17", "春节"),
                new("2024-04-04", "2024-04-06", "清明节"),
                new("2024-05-01", "2024-05-05", "劳动节"),
                new("2024-06-08", "2024-06-10", "端午节"),
                new("2024-09-15", "2024-09-17", "中秋节"),
                new("2024-10-01", "2024-10-07", "国庆节"),
            ],
            [
                new("2024-02-04", "春节调休上班"),
                new("2024-02-18", "春节调休上班"),
                new("2024-04-07", "清明节调休上班"),
                new("2024-04-28", "劳动节调休上班"),
                new("2024-05-11", "劳动节调休上班"),
                new("2024-09-14", "中秋节调休上班"),
                new("2024-09-29", "国庆节调休上班"),
                new("2024-10-12", "国庆节调休上班"),
            ]),
        new(2025, "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
            [
                new("2025-01-01", "2025-01-01", "元旦"),
                new("2025-01-28", "2025-02-04", "春节"),
                new("2025-04-04", "2025-04-06", "清明节"),
                new("2025-05-01", "2025-05-05", "劳动节"),
                new("2025-05-31", "2025-06-02", "端午节"),
                new("2025-10-01", "2025-10-08", "国庆节、中秋节"),
            ],
            [
                new("2025-01-26", "春节调休上班"),
                new("2025-02-08", "春节调休上班"),
                new("2025-04-27", "劳动节调休上班"),
                new("2025-09-28", "国庆节、中秋节调休上班"),
                new("2025-10-11", "国庆节、中秋节调休上班"),
            ]),
        new(2026, "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）",
            [
                new("2026-01-01", "2026-01-03", "元旦"),
                new("2026-02-15", "2026-02-23", "春节"),
                new("2026-04-04", "2026-04-06", "清明节"),
                new("2026-05-01", "2026-05-05", "劳动节"),
                new("2026-06-19", "2026-06-21", "端午节"),
                new("2026-09-25", "2026-09-27", "中秋节"),
                new("2026-10-01", "2026-10-07", "国庆节"),
            ],
            [
                new("2026-01-04", "元旦调休上班"),
                new("2026-02-14", "春节调休上班"),
                new("2026-02-28", "春节调休上班"),
                new("2026-05-09", "劳动节调休上班"),
                new("2026-09-20", "国庆节调休上班"),
                new("2026-10-10", "国庆节调休上班"),
            ]),
    ];

    /// <summary>Fresh instances on every call, so a caller may add them to a DbContext or change them freely.</summary>
    public static IReadOnlyList<HolidayCalendarYear> All => Notices.Select(Build).ToList();

    private static HolidayCalendarYear Build(NoticeData data)
    {
        var year = HolidayCalendarYear.Create(data.Year, data.Notice).Value;
        foreach (var holiday in data.Holidays)
        {
            EnsureValid(year.AddHolidays(ParseDate(holiday.From), ParseDate(holiday.To), holiday.Name));
        }

        foreach (var workday in data.Workdays)
        {
            EnsureValid(year.AddAdjustedWorkday(ParseDate(workday.Date), workday.Name));
        }

        EnsureValid(year.Publish());
        return year;
    }

    private static DateOnly ParseDate(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The seed data is fixed; a refusal here is a typo in this file, not a user error.
    private static void EnsureValid(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException("Official calendar seed is invalid: " + string.Join("; ", result.Errors.Select(e => e.Message)));
        }
    }
}
