using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Domain.Rules;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>
/// 截止日期看板: per host-unit city, filings due within the next <see cref="WindowWorkingDays"/> working days and
/// close-outs due within that window or overdue. The dates come from <see cref="ProjectProgress"/>, so this page and
/// the organizers' dashboards always agree. SQL narrows the projects to those that can be due in the window (by status
/// and a date bound, in one command, as projections); the exact due dates are then worked out for those only, and the
/// board is paged by row, <see cref="ListPageModel.DefaultPageSize"/> a page.
/// </summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class DeadlinesModel(PortalDbContext db, CalendarService calendars, PortalClock clock) : ListPageModel
{
    public const int WindowWorkingDays = 10;

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    /// <summary><see cref="DeadlineKind.Filing"/> or <see cref="DeadlineKind.CloseOut"/>; null for both.</summary>
    [BindProperty(SupportsGet = true)]
    public DeadlineKind? Kind { get; set; }

    public PagedList<DeadlineRow> Deadlines { get; private set; } = null!;

    /// <summary>The page's rows by city.</summary>
    public IReadOnlyList<CityGroup> Cities { get; private set; } = [];

    public ListFilterOptions Options { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var calendar = await calendars.LoadAsync();
        var today = clock.Today;
        var windowEnd = calendar.WorkingDayAfter(today, WindowWorkingDays).Date;
        // A filing deadline falls 10 working days before the start; one more working day covers a start on a day off.
        var latestStart = calendar.WorkingDayAfter(windowEnd, SeminarRules.FilingLeadWorkingDays + 1).Date;

        var projects = db.ProjectListItems();
        var filingsDue = projects.WhereStatus(ProjectStatus.FilingInProgress, today)
            .Where(row => row.FilingStatus != FilingStatus.Submitted && row.StartDate > today && row.StartDate <= latestStart);
        // The close-out is due 15 working days after the end, so a class ending after the window cannot be due in it.
        var closeOutsDue = projects.WhereStatus(ProjectStatus.InSession, today).Concat(projects.WhereStatus(ProjectStatus.ClosingOut, today))
            .Where(row => row.CloseOutStatus != CloseOutStatus.Submitted && row.EndDate <= windowEnd);
        var candidates = Kind switch
        {
            DeadlineKind.Filing => filingsDue,
            DeadlineKind.CloseOut => closeOutsDue,
            _ => filingsDue.Concat(closeOutsDue),
        };
        var search = SearchLower;
        var rows = await candidates
            .Where(row => City == null || City == string.Empty || row.HostCity == City)
            .Where(row => search == null || row.ProjectNumber.ToLower().Contains(search) || row.Name.ToLower().Contains(search)
                || row.HostName.ToLower().Contains(search))
            .ToListAsync();

        Deadlines = rows
            .Select(row => (Project: row, Deadline: ProjectProgress.Evaluate(row.Facts, today, calendar).NextDeadline))
            .Where(row => IsShown(row.Deadline))
            .Select(row => new DeadlineRow(row.Project, row.Deadline!))
            .OrderBy(row => row.Project.HostCity, StringComparer.Ordinal)
            .ThenBy(row => row.Deadline.Kind)
            .ThenBy(row => row.Deadline.Date)
            .ThenBy(row => row.Project.ProjectNumber, StringComparer.Ordinal)
            .ToList()
            .ToPagedList(PageNumber);
        Cities = Deadlines.Items
            .GroupBy(row => row.Project.HostCity)
            .Select(group => new CityGroup(
                group.Key,
                group.Where(row => row.Deadline.Kind == DeadlineKind.Filing).ToList(),
                group.Where(row => row.Deadline.Kind == DeadlineKind.CloseOut).ToList()))
            .ToList();
        Options = await ListFilterOptions.LoadAsync(db);
    }

    private static bool IsShown(NextDeadline? deadline) => deadline?.Kind switch
    {
        DeadlineKind.Filing => !deadline.IsOverdue && deadline.WorkingDaysRemaining <= WindowWorkingDays,
        DeadlineKind.CloseOut => deadline.IsOverdue || deadline.WorkingDaysRemaining <= WindowWorkingDays,
        _ => false,
    };

    public sealed record DeadlineRow(ProjectListItem Project, NextDeadline Deadline)
    {
        public string Text => DeadlineText.Describe(Deadline);
    }

    public sealed record CityGroup(string City, IReadOnlyList<DeadlineRow> Filings, IReadOnlyList<DeadlineRow> CloseOuts);
}
