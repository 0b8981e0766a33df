using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>
/// 结业材料审核: submitted close-outs, oldest submission first, with the facts recorded at submission as flags;
/// searched, filtered, sorted and paged in SQL, without the report's long texts.
/// </summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class CloseOutsModel(PortalDbContext db, ListPageCache listPages) : ListPageModel
{
    private static readonly SortOrder<QueueItem> Sorting = new SortOrder<QueueItem>("submitted", row => row.ProjectId)
        .By("submitted", row => row.SubmittedAt)
        .By("number", row => row.ProjectNumber, row => row.Year)
        .By("host", row => row.HostName)
        .By("due", row => row.DueDate);

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    public PagedList<QueueItem> CloseOuts { get; private set; } = null!;

    public ListFilterOptions Options { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var version = await ListVersion.ReadAsync(db, ListVersion.Plan);
        CloseOuts = await listPages.GetOrReadAsync(
            new ListPageKey("review-close-outs", ListVersion.Plan, version, (SearchLower, Year, City, Sorting.Effective(Sort), PageNumber)), ReadPageAsync);
        Options = await ListFilterOptions.LoadKeptAsync(db, listPages, version);
    }

    private Task<PagedList<QueueItem>> ReadPageAsync()
    {
        var search = SearchLower;
        var rows =
            from closeOut in db.CloseOuts.AsNoTracking()
            where closeOut.Status == CloseOutStatus.Submitted
            join project in db.PlanProjects on closeOut.PlanProjectId equals project.Id
            join host in db.Organizations on project.HostOrganizationId equals host.Id
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
                DueDate = closeOut.DueDate,
                SubmittedAt = closeOut.SubmittedAt,
                IsOverdue = closeOut.IsOverdue,
                WorkingDaysLate = closeOut.WorkingDaysLate,
                DueDateProvisional = closeOut.DueDateProvisional,
                IsUnderstaffed = closeOut.IsUnderstaffed,
                RosterSize = closeOut.RosterSizeAtSubmission,
                UnderstaffedExplanation = closeOut.UnderstaffedExplanation,
                ApplicantScore = closeOut.Acceptance.ApplicantScore,
            };

        return Sorting.Apply(rows, Sort).ToPagedListAsync(PageNumber);
    }

    /// <summary>A submitted close-out as the queue shows it: dates, roster size, score and the submission's flags.</summary>
    public sealed class QueueItem
    {
        public Guid ProjectId { get; init; }

        public int Year { get; init; }

        public string ProjectNumber { get; init; } = string.Empty;

        public string ProjectName { get; init; } = string.Empty;

        public string HostName { get; init; } = string.Empty;

        public DateOnly? DueDate { get; init; }

        public DateTimeOffset? SubmittedAt { get; init; }

        public bool IsOverdue { get; init; }

        public int WorkingDaysLate { get; init; }

        public bool DueDateProvisional { get; init; }

        public bool IsUnderstaffed { get; init; }

        public int? RosterSize { get; init; }

        public string? UnderstaffedExplanation { get; init; }

        public Score? ApplicantScore { get; init; }

        public CloseOutFlags Flags => new(IsOverdue, WorkingDaysLate, DueDateProvisional, IsUnderstaffed, RosterSize, UnderstaffedExplanation, ApplicantScore);
    }
}
