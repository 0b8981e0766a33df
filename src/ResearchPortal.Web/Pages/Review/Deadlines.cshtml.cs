using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Authorization;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>
/// 截止日期看板: per host-unit city, filings due within the next <see cref="WindowWorkingDays"/> working days and
/// close-outs due within that window or overdue. The dates come from <see cref="ProjectProgress"/>, so this page and
/// the organizers' dashboards always agree.
/// </summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class DeadlinesModel(PortalDbContext db, CalendarService calendars, PortalClock clock) : PageModel
{
    public const int WindowWorkingDays = 10;

    public IReadOnlyList<CityGroup> Cities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var calendar = await calendars.LoadAsync();
        var today = clock.Today;

        // Only projects with a filing can have a dated deadline; closed projects have none left.
        var projects = await (
            from filing in db.Filings.AsNoTracking()
            join project in db.PlanProjects on filing.PlanProjectId equals project.Id
            join host in db.Organizations on project.HostOrganizationId equals host.Id
            join closeOut in db.CloseOuts.AsNoTracking() on project.Id equals closeOut.PlanProjectId into closeOuts
            from closeOut in closeOuts.DefaultIfEmpty()
            where closeOut == null || closeOut.Status != CloseOutStatus.Accepted
            select new { project, host, filing, closeOut })
            .ToListAsync();

        Cities = projects
            .Select(row => new DeadlineRow(
                row.project.Id,
                row.project.ProjectNumber,
                row.project.Name,
                row.host.Name,
                row.host.City,
                ProjectProgress.Evaluate(row.project, row.filing, row.closeOut, today, calendar).NextDeadline))
            .Where(row => row.Deadline is { } deadline && IsShown(deadline))
            .OrderBy(row => row.Deadline!.Date)
            .GroupBy(row => row.City)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new CityGroup(
                group.Key,
                group.Where(row => row.Deadline!.Kind == DeadlineKind.Filing).ToList(),
                group.Where(row => row.Deadline!.Kind == DeadlineKind.CloseOut).ToList()))
            .ToList();
    }

    private static bool IsShown(NextDeadline deadline) => deadline.Kind switch
    {
        DeadlineKind.Filing => !deadline.IsOverdue && deadline.WorkingDaysRemaining <= WindowWorkingDays,
        DeadlineKind.CloseOut => deadline.IsOverdue || deadline.WorkingDaysRemaining <= WindowWorkingDays,
        _ => false,
    };

    public sealed record DeadlineRow(Guid ProjectId, string ProjectNumber, string ProjectName, string HostName, string City, NextDeadline? Deadline)
    {
        public string Text => Deadline is null ? string.Empty : DeadlineText.Describe(Deadline);
    }

    public sealed record CityGroup(string City, IReadOnlyList<DeadlineRow> Filings, IReadOnlyList<DeadlineRow> CloseOuts);
}
