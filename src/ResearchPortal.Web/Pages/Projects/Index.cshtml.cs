using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Pages.Projects;

/// <summary>
/// The projects list: an organizer sees the projects where the unit hosts or applies, a reviewer sees all. Filtered,
/// searched, sorted and paged in SQL (status included, by <see cref="ProjectListQueries.WhereStatus"/>); the next
/// deadline in words is worked out for the page's rows only.
/// </summary>
[Authorize(Policy = PortalPolicies.OrganizerOrReviewer)]
public sealed class IndexModel(PortalDbContext db, PortalClock clock, CalendarService calendars, ListPageCache listPages) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The host unit's city, where the class is held.</summary>
    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProjectStatus? Status { get; set; }

    public PagedList<ProjectPageRow> Projects { get; private set; } = null!;

    public ListFilterOptions Options { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var today = clock.Today;
        var version = await ListVersion.ReadAsync(db, ListVersion.Plan);
        // A reviewer sees every project, an organizer their unit's own.
        var unit = User.IsReviewer() ? null : new Viewer(User.GetOrganizationId());
        var page = await listPages.GetOrReadAsync(
            new ListPageKey("projects", ListVersion.Plan, version, (unit, today, Year, City, Status, SearchLower, ProjectListQueries.Sorted(today).Effective(Sort), PageNumber)),
            () => ReadPageAsync(today, unit));
        var calendar = await calendars.LoadAsync();
        Projects = new PagedList<ProjectPageRow>(
            page.Items.Select(row => new ProjectPageRow(row, ProjectProgress.Evaluate(row.Facts, today, calendar))).ToList(),
            page.PageNumber, page.PageSize, page.TotalCount);
        Options = await ListFilterOptions.LoadKeptAsync(db, listPages, version);
    }

    /// <summary>The page of rows: every project for a reviewer (<paramref name="unit"/> null), else the unit's own; the
    /// status as of <paramref name="today"/>.</summary>
    private Task<PagedList<ProjectListItem>> ReadPageAsync(DateOnly today, Viewer? unit)
    {
        var rows = ProjectListQueries.Filter(db.ProjectListItems(), Year, City, Status, today, SearchLower);
        if (unit is { OrganizationId: var organizationId })
        {
            rows = rows.Where(p => p.HostOrganizationId == organizationId || p.ApplicantOrganizationId == organizationId);
        }

        var sorted = ProjectListQueries.Sorted(today).Apply(rows, Sort);
        return ListsEveryProjectOfTheYears
            ? sorted.ToPagedListSizedByAsync(db.ProjectTallies.Where(t => Year == null || t.Year == Year).Select(t => t.Count), PageNumber)
            : sorted.ToPagedListAsync(PageNumber);
    }

    /// <summary>A reviewer's list filtered by nothing but the year: its size is the database's tally of projects by year
    /// (<see cref="ProjectTally"/>), not a count of every project on each request.</summary>
    private bool ListsEveryProjectOfTheYears => User.IsReviewer() && ProjectListQueries.FiltersByYearAlone(City, Status, SearchLower);

    /// <summary>The organizer's unit's part in a project; reviewers see no role column.</summary>
    public string RoleOf(ProjectListItem row) => row.HostOrganizationId == User.GetOrganizationId() ? "承办单位" : "申报单位";
}

/// <summary>An organizer looking at the list (an account without a unit sees no project).</summary>
internal sealed record Viewer(Guid? OrganizationId);

/// <summary>A listed project and where it stands today.</summary>
public sealed record ProjectPageRow(ProjectListItem Item, ProjectProgress Progress);
