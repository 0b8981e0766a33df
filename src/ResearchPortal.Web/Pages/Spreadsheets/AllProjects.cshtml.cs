using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Pages.Spreadsheets;

/// <summary>
/// /Spreadsheets/AllProjects[?year=&amp;city=&amp;status=&amp;q=]: the whole list the projects page shows under the same
/// filters (not one page of it), with status and next deadline, by year and number, for reviewers.
/// </summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class AllProjectsModel(PortalDbContext db, CalendarService calendars, PortalClock clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? year, string? city, ProjectStatus? status, [FromQuery(Name = ListQueryKeys.Search)] string? search)
    {
        var today = clock.Today;
        var projects = await ProjectListQueries.Filter(db.ProjectListItems(), year, city, status, today, ListPageModel.LowerTermOf(search))
            .OrderBy(p => p.Year).ThenBy(p => p.ProjectNumber)
            .ToListAsync();
        var calendar = await calendars.LoadAsync();
        var rows = projects.Select(p => new ProjectListRow(p, ProjectProgress.Evaluate(p.Facts, today, calendar)));
        var name = year is null ? "高级研修项目一览.xlsx" : $"{year}年度高级研修项目一览.xlsx";
        return new XlsxDownload(name, output => ProjectListSheet.Write(output, rows, today));
    }
}
