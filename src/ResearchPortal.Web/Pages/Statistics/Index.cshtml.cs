using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Statistics;

/// <summary>
/// 统计: one plan year at a glance — projects by status, city and field, deadlines met, trainees, scores and outcomes;
/// the whole province for reviewers, the projects a unit hosts or applies for (and their trainees) for its organizers.
/// Each chart is drawn by wwwroot/js/statistics.js from the table beside it; <c>?handler=Xlsx</c> downloads the tables.
/// </summary>
[Authorize(Policy = PortalPolicies.OrganizerOrReviewer)]
public sealed class IndexModel(PortalDbContext db, CalendarService calendars, PortalClock clock) : PageModel
{
    /// <summary>The plan year shown; the latest when not given.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<FigureTable> Tables { get; private set; } = [];

    public bool WholeProvince => User.IsReviewer();

    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        if (!await LoadAsync() || Year is not { } year)
        {
            return NotFound();
        }

        var scope = WholeProvince ? "全省" : "本单位";
        return new XlsxDownload(
            $"{year}年度高级研修项目统计（{scope}）.xlsx",
            output => StatisticsWorkbook.Write(output, $"{year} 年度高级研修项目统计（{scope}）", Today, Tables));
    }

    /// <returns>False when the year asked for is not a plan year.</returns>
    private async Task<bool> LoadAsync()
    {
        var statistics = new YearStatistics(db, calendars);
        Years = await statistics.YearsAsync();
        Year ??= Years.Count > 0 ? Years[0] : null;
        if (Year is not { } year)
        {
            return true;
        }

        if (!Years.Contains(year))
        {
            return false;
        }

        Tables = await statistics.CountAsync(year, User.GetOrganizationId(), WholeProvince, Today);
        return true;
    }
}
