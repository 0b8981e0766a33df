using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Authorization;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>备案审核: submitted filings, the earliest class first.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class FilingsModel(PortalDbContext db, CalendarService calendars) : PageModel
{
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var calendar = await calendars.LoadAsync();
        var submitted = await (
            from filing in db.Filings.AsNoTracking()
            where filing.Status == FilingStatus.Submitted
            join project in db.PlanProjects on filing.PlanProjectId equals project.Id
            join host in db.Organizations on project.HostOrganizationId equals host.Id
            select new { filing, project.ProjectNumber, project.Name, HostName = host.Name })
            .ToListAsync();

        // A submitted filing always has dates (Submit requires them).
        Rows = submitted
            .Select(row => new QueueRow(
                row.filing,
                row.ProjectNumber,
                row.Name,
                row.HostName,
                FilingDeadlines.LatestFilingDate(row.filing.StartDate!.Value, calendar),
                row.filing.Transitions.Count(t => t.To == FilingStatus.Returned)))
            .OrderBy(row => row.Filing.StartDate)
            .ThenBy(row => row.ProjectNumber, StringComparer.Ordinal)
            .ToList();
    }

    public sealed record QueueRow(Filing Filing, string ProjectNumber, string ProjectName, string HostName, CalendarDate LatestFilingDate, int TimesReturned);
}
