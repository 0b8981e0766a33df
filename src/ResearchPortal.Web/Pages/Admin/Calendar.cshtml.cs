using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Admin;

/// <summary>
/// 节假日安排: one year's holidays and 调休 working days (<c>?year=</c>), and new years. Each form posts only its own
/// fields (bound per handler), so a mistake in one form does not flag the others. A year's dates stay provisional
/// until it is marked published. Every save tells <see cref="CalendarService"/>, so deadlines use it at once.
/// </summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class CalendarModel(PortalDbContext db, AuditLog audit, PortalClock clock, CalendarService calendars) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public HolidayCalendarYear? Selected { get; private set; }

    public HolidayInput Holiday { get; set; } = new();

    public WorkdayInput Workday { get; set; } = new();

    public NewYearInput NewYear { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Year is not null && Selected is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnPostAddHolidaysAsync([Bind(Prefix = nameof(Holiday))] HolidayInput holiday)
    {
        Holiday = holiday;
        return ChangeYearAsync(
            nameof(Holiday),
            year => year.AddHolidays(holiday.From!.Value, holiday.To!.Value, holiday.Name ?? string.Empty),
            AuditActions.CalendarHolidaysAdded,
            () => $"{holiday.Name}：{ChineseDate.Format(holiday.From!.Value)} 至 {ChineseDate.Format(holiday.To!.Value)}");
    }

    public Task<IActionResult> OnPostAddWorkdayAsync([Bind(Prefix = nameof(Workday))] WorkdayInput workday)
    {
        Workday = workday;
        return ChangeYearAsync(
            nameof(Workday),
            year => year.AddAdjustedWorkday(workday.Date!.Value, workday.Name ?? string.Empty),
            AuditActions.CalendarWorkdayAdded,
            () => $"{workday.Name}：{ChineseDate.Format(workday.Date!.Value)}");
    }

    public Task<IActionResult> OnPostRemoveAsync(DateOnly date) =>
        ChangeYearAsync(string.Empty, year => year.RemoveDay(date), AuditActions.CalendarDayRemoved, () => ChineseDate.Format(date));

    public Task<IActionResult> OnPostPublishAsync() =>
        ChangeYearAsync("Publish", year => year.Publish(), AuditActions.CalendarYearPublished, () => "此后该年度的期限不再标注“暂定”");

    public async Task<IActionResult> OnPostCreateYearAsync([Bind(Prefix = nameof(NewYear))] NewYearInput newYear)
    {
        NewYear = newYear;
        if (newYear.Year is { } number && await db.HolidayCalendarYears.AnyAsync(y => y.Year == number))
        {
            ModelState.AddModelError("NewYear.Year", $"{number} 年的节假日安排已存在。");
        }

        var created = ModelState.IsValid ? HolidayCalendarYear.Create(newYear.Year!.Value, newYear.Notice ?? string.Empty) : null;
        if (created is null || created.IsFailure)
        {
            if (created is not null)
            {
                ModelState.AddDomainErrors(created, nameof(NewYear));
            }

            await LoadAsync();
            return Page();
        }

        db.HolidayCalendarYears.Add(created.Value);
        audit.Record(User.ToActor(), AuditActions.CalendarYearCreated, AuditSubjects.CalendarYear(created.Value.Year), details: created.Value.Notice);
        await db.SaveChangesAsync();
        calendars.Changed();
        TempData["StatusMessage"] = $"已新增 {created.Value.Year} 年，请录入节假日和调休上班日，全部录入后标记为已公布。";
        return RedirectToPage(new { Year = created.Value.Year });
    }

    private async Task<IActionResult> ChangeYearAsync(string form, Func<HolidayCalendarYear, Result> change, string auditAction, Func<string> details)
    {
        var year = await db.HolidayCalendarYears.SingleOrDefaultAsync(y => y.Year == Year);
        if (year is null)
        {
            return NotFound();
        }

        var result = ModelState.IsValid ? change(year) : null;
        if (result is null || result.IsFailure)
        {
            if (result is not null)
            {
                // Date problems come back as "Days"; the page shows that key under the form's date inputs.
                ModelState.AddDomainErrors(result, form);
            }

            db.ChangeTracker.Clear();
            await LoadAsync();
            return Page();
        }

        audit.Record(User.ToActor(), auditAction, AuditSubjects.CalendarYear(year.Year), details: details());
        await db.SaveChangesAsync();
        calendars.Changed();
        TempData["StatusMessage"] = "节假日安排已更新。";
        return RedirectToPage(new { Year });
    }

    private async Task LoadAsync()
    {
        Years = await db.HolidayCalendarYears.OrderBy(y => y.Year).Select(y => y.Year).ToListAsync();
        Year ??= Years.Contains(clock.Today.Year) ? clock.Today.Year : Years.LastOrDefault();
        Selected = await db.HolidayCalendarYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == Year);
    }

    public sealed class HolidayInput
    {
        [Required(ErrorMessage = "请填写假期开始日期。")]
        [Display(Name = "开始日期")]
        public DateOnly? From { get; set; }

        [Required(ErrorMessage = "请填写假期结束日期。")]
        [Display(Name = "结束日期")]
        public DateOnly? To { get; set; }

        [Display(Name = "节日名称")]
        public string? Name { get; set; }
    }

    public sealed class WorkdayInput
    {
        [Required(ErrorMessage = "请填写调休上班日期。")]
        [Display(Name = "日期")]
        public DateOnly? Date { get; set; }

        [Display(Name = "名称")]
        public string? Name { get; set; }
    }

    public sealed class NewYearInput
    {
        [Required(ErrorMessage = "请填写年份。")]
        [Display(Name = "年份")]
        public int? Year { get; set; }

        [Display(Name = "通知文号")]
        public string? Notice { get; set; }
    }
}
