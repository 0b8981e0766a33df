using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Projects;

/// <summary>
/// The projects dashboard: an organizer sees the projects where the unit hosts or applies, a reviewer sees all;
/// each with its status and the next deadline in words, soonest (and overdue) first.
/// </summary>
[Authorize(Roles = PortalRoles.Organizer + "," + PortalRoles.Reviewer)]
public sealed class IndexModel(PortalDbContext db, PortalClock clock, CalendarService calendars) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The host unit's city, where the class is held.</summary>
    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProjectStatus? Status { get; set; }

    public IReadOnlyList<ProjectRow> Rows { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<string> Cities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var projects = db.PlanProjects.AsNoTracking();
        if (!User.IsReviewer())
        {
            var organizationId = User.GetOrganizationId();
            projects = projects.Where(p => p.HostOrganizationId == organizationId || p.ApplicantOrganizationId == organizationId);
        }

        if (Year is { } year)
        {
            projects = projects.Where(p => p.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(City))
        {
            projects = projects.Where(p => db.Organizations.Any(o => o.Id == p.HostOrganizationId && o.City == City));
        }

        var list = await projects.ToListAsync();
        var ids = list.Select(p => p.Id).ToList();
        var filings = await db.Filings.AsNoTracking().Where(f => ids.Contains(f.PlanProjectId)).ToDictionaryAsync(f => f.PlanProjectId);
        var closeOuts = await db.CloseOuts.AsNoTracking().Where(c => ids.Contains(c.PlanProjectId)).ToDictionaryAsync(c => c.PlanProjectId);
        var unitIds = list.SelectMany(p => new[] { p.HostOrganizationId, p.ApplicantOrganizationId }).Distinct().ToList();
        var units = await db.Organizations.AsNoTracking().Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        var calendar = await calendars.LoadAsync();

        // Status is derived from today's date, so it is filtered after evaluation rather than in SQL.
        Rows = list
            .Select(p => new ProjectRow(
                p,
                units[p.HostOrganizationId],
                units[p.ApplicantOrganizationId],
                ProjectProgress.Evaluate(p, filings.GetValueOrDefault(p.Id), closeOuts.GetValueOrDefault(p.Id), clock.Today, calendar)))
            .Where(row => Status is null || row.Progress.Status == Status)
            .OrderBy(row => row.Progress.NextDeadline?.Date ?? DateOnly.MaxValue)
            .ThenBy(row => row.Project.Year)
            .ThenBy(row => row.Project.ProjectNumber)
            .ToList();

        Years = await db.PlanYears.AsNoTracking().Select(y => y.Year).OrderByDescending(y => y).ToListAsync();
        Cities = await db.Organizations.AsNoTracking().Select(o => o.City).Distinct().OrderBy(c => c).ToListAsync();
    }

    /// <summary>The organizer's unit's part in a project; reviewers see no role column.</summary>
    public string RoleOf(ProjectRow row)
    {
        var organizationId = User.GetOrganizationId();
        return row.Project.HostOrganizationId == organizationId ? "承办单位" : "申报单位";
    }
}
