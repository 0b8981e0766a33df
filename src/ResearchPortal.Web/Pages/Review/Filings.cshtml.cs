using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>备案审核: submitted filings, the earliest class first; searched, filtered, sorted and paged in SQL.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class FilingsModel(PortalDbContext db, CalendarService calendars, SharedListFilterOptions filterOptions) : ListPageModel
{
    private static readonly SortOrder<QueueItem> Sorting = new SortOrder<QueueItem>("start", row => row.ProjectId)
        .By("start", row => row.StartDate, row => row.ProjectNumber)
        .By("number", row => row.ProjectNumber, row => row.Year)
        .By("host", row => row.HostName)
        .By("submitted", row => row.SubmittedAt);

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    public PagedList<QueueItem> Filings { get; private set; } = null!;

    public ListFilterOptions Options { get; private set; } = null!;

    /// <summary>The latest filing date of each row on the page.</summary>
    public IReadOnlyDictionary<Guid, CalendarDate> LatestFilingDates { get; private set; } = new Dictionary<Guid, CalendarDate>();

    public async Task OnGetAsync()
    {
        var search = SearchLower;

        // Left joins although every filing has its project and unit: PostgreSQL leaves out those the count does not use.
        var rows =
            from filing in db.Filings.AsNoTracking()
            where filing.Status == FilingStatus.Submitted
            join project in db.PlanProjects on filing.PlanProjectId equals project.Id into projects
            from project in projects.DefaultIfEmpty()
            join host in db.Organizations on project.HostOrganizationId equals host.Id into hosts
            from host in hosts.DefaultIfEmpty()
            where Year == null || project.Year == Year
            where City == null || City == string.Empty || host.City == City
            where search == null || project.ProjectNumber.ToLower().Contains(search) || project.Name.ToLower().Contains(search)
                || host.Name.ToLower().Contains(search)
            select new QueueItem
            {
                ProjectId = project.Id,
                Year = project.Year,
                ProjectNumber = project.ProjectNumber,
                ProjectName = project.Name,
                HostName = host.Name,
                // A submitted filing always has dates (Submit requires them).
                StartDate = filing.Dates!.Start,
                EndDate = filing.Dates!.End,
                PlannedTraineeCount = filing.PlannedTraineeCount,
                SubmittedAt = filing.SubmittedAt,
                TotalHours = filing.ExpertSessions.Sum(session => session.Hours), // summed in SQL: the sessions' JSON stays in the database
                TimesReturned = filing.Transitions.Count(t => t.To == FilingStatus.Returned),
            };

        Filings = await Sorting.Apply(rows, Sort).ToPagedListAsync(PageNumber);
        var calendar = await calendars.LoadAsync();
        LatestFilingDates = Filings.Items.ToDictionary(row => row.ProjectId, row => FilingDeadlines.LatestFilingDate(row.StartDate, calendar));
        Options = await filterOptions.LoadAsync(db);
    }

    /// <summary>A submitted filing as the queue shows it: no attachments, comments or history beyond the return count.</summary>
    public sealed class QueueItem
    {
        public Guid ProjectId { get; init; }

        public int Year { get; init; }

        public string ProjectNumber { get; init; } = string.Empty;

        public string ProjectName { get; init; } = string.Empty;

        public string HostName { get; init; } = string.Empty;

        public DateOnly StartDate { get; init; }

        public DateOnly EndDate { get; init; }

        public int? PlannedTraineeCount { get; init; }

        public DateTimeOffset? SubmittedAt { get; init; }

        public decimal TotalHours { get; init; }

        public int TimesReturned { get; init; }
    }
}
