using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Authorization;

namespace ResearchPortal.Web.Pages.Spreadsheets;

/// <summary>/Spreadsheets/AllProjects[?year=]: every project with its status and next deadline, for reviewers.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class AllProjectsModel(PortalDbContext db, CalendarService calendars, PortalClock clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? year)
    {
        var projects = await db.PlanProjects.AsNoTracking()
            .Where(p => year == null || p.Year == year)
            .OrderBy(p => p.Year).ThenBy(p => p.ProjectNumber)
            .ToListAsync();
        var filings = await db.Filings.AsNoTracking().ToDictionaryAsync(f => f.PlanProjectId);
        var closeOuts = await db.CloseOuts.AsNoTracking().ToDictionaryAsync(c => c.PlanProjectId);
        var units = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var calendar = await calendars.LoadAsync();
        var today = clock.Today;
        var rows = projects.Select(p => new ProjectListRow(
            p,
            units[p.ApplicantOrganizationId],
            units[p.HostOrganizationId],
            ProjectProgress.Evaluate(p, filings.GetValueOrDefault(p.Id), closeOuts.GetValueOrDefault(p.Id), today, calendar)));
        var name = year is null ? "高级研修项目一览.xlsx" : $"{year}年度高级研修项目一览.xlsx";
        return new XlsxDownload(name, output => ProjectListSheet.Write(output, rows, today));
    }
}
