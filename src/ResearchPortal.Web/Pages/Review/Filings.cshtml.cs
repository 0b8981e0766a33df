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
public sealed class FilingsModel(PortalDbContext db, CalendarService calendars, ListPageCache listPages) : ListPageModel
{
    private static readonly SortOrder<FilingReviewItem> Sorting = new SortOrder<FilingReviewItem>("start", row => row.ProjectId)
        .By("start", row => row.StartDate, row => row.ProjectNumber)
        .By("number", row => row.ProjectNumber, row => row.Year)
        .By("host", row => row.HostName)
        .By("submitted", row => row.SubmittedAt);

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    public PagedList<FilingReviewItem> Filings { get; private set; } = null!;

    public ListFilterOptions Options { get; private set; } = null!;

    /// <summary>The latest filing date of each row on the page.</summary>
    public IReadOnlyDictionary<Guid, CalendarDate> LatestFilingDates { get; private set; } = new Dictionary<Guid, CalendarDate>();

    public async Task OnGetAsync()
    {
        var version = await ListVersion.ReadAsync(db, ListVersion.Plan);
        Filings = await listPages.GetOrReadAsync(
            new ListPageKey("review-filings", ListVersion.Plan, version, (SearchLower, Year, City, Sorting.Effective(Sort), PageNumber)), ReadPageAsync);
        var calendar = await calendars.LoadAsync();
        LatestFilingDates = Filings.Items.ToDictionary(row => row.ProjectId, row => FilingDeadlines.LatestFilingDate(row.StartDate!.Value, calendar));
        Options = await ListFilterOptions.LoadKeptAsync(db, listPages, version);
    }

    private Task<PagedList<FilingReviewItem>> ReadPageAsync()
    {
        var search = SearchLower;
        var rows = db.Set<FilingReviewItem>().AsNoTracking().Where(filing => filing.Status == FilingStatus.Submitted);
        if (Year is { } year)
        {
            rows = rows.Where(filing => filing.Year == year);
        }

        if (!string.IsNullOrEmpty(City))
        {
            rows = rows.Where(filing => filing.HostCity == City);
        }

        if (search is not null)
        {
            rows = rows.Where(filing => filing.ProjectNumber.ToLower().Contains(search) || filing.ProjectName.ToLower().Contains(search)
                || filing.HostName.ToLower().Contains(search));
        }

        return Sorting.Apply(rows, Sort).ToPagedListAsync(PageNumber);
    }
}
