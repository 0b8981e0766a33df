using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Outcomes;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>
/// 优秀成果评选: the outcomes host units recommended, across projects, searched, filtered, sorted and paged in SQL;
/// the reviewer selects or unselects and comes back to the same page of the list.
/// </summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class OutcomesModel(PortalDbContext db, ProjectAccess access, AuditLog audit) : ListPageModel
{
    private static readonly SortOrder<OutcomeRow> Sorting = new SortOrder<OutcomeRow>("-year", row => row.Id)
        .By("year", row => row.Year, row => row.ProjectNumber)
        .By("number", row => row.ProjectNumber, row => row.Year)
        .By("host", row => row.HostName)
        .By("title", row => row.Title)
        .By("author", row => row.AuthorName)
        .By("selected", row => row.IsSelected);

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    public ListFilterOptions Options { get; private set; } = null!;

    public PagedList<OutcomeRow> Outcomes { get; private set; } = null!;

    /// <summary>How many of the listed outcomes are selected, over every page.</summary>
    public int SelectedCount { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostSelectAsync(Guid id) =>
        ChangeAsync(id, outcome => outcome.Select(), AuditActions.OutcomeSelected, "已评选为优秀成果。");

    public Task<IActionResult> OnPostUnselectAsync(Guid id) => ChangeAsync(
        id,
        outcome =>
        {
            outcome.Unselect();
            return Result.Success();
        },
        AuditActions.OutcomeUnselected,
        "已撤销优秀成果评选。");

    private async Task<IActionResult> ChangeAsync(Guid id, Func<ResearchOutcome, Result> change, string auditAction, string statusMessage)
    {
        var outcome = await db.ResearchOutcomes.FindAsync(id);
        var project = outcome is null ? null : await access.FindAsync(User, outcome.PlanProjectId, ProjectOperations.Review);
        if (outcome is null || project is null)
        {
            return NotFound();
        }

        var result = change(outcome);
        if (result.IsFailure)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Message);
            }

            await LoadAsync();
            return Page();
        }

        audit.Record(User.ToActor(), auditAction, AuditSubjects.Outcome(project, outcome.Title), project.Id);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = statusMessage;
        return Redirect(ListUrl.With(Request, ("handler", null), ("id", null)));
    }

    private async Task LoadAsync()
    {
        var search = SearchLower;
        var rows =
            from outcome in db.ResearchOutcomes.AsNoTracking()
            where outcome.IsRecommended
            join project in db.PlanProjects on outcome.PlanProjectId equals project.Id
            where Year == null || project.Year == Year
            join host in db.Organizations on project.HostOrganizationId equals host.Id
            where City == null || City == string.Empty || host.City == City
            join author in db.RosterEntries on outcome.AuthorRosterEntryId equals author.Id
            where search == null || outcome.Title.ToLower().Contains(search) || author.Name.ToLower().Contains(search)
                || project.ProjectNumber.ToLower().Contains(search) || project.Name.ToLower().Contains(search) || host.Name.ToLower().Contains(search)
            select new OutcomeRow
            {
                Id = outcome.Id,
                Title = outcome.Title,
                Summary = outcome.Summary,
                IsSelected = outcome.IsSelected,
                AuthorName = author.Name,
                Year = project.Year,
                ProjectNumber = project.ProjectNumber,
                ProjectName = project.Name,
                HostName = host.Name,
            };
        Outcomes = await Sorting.Apply(rows, Sort).ToPagedListAsync(PageNumber);
        SelectedCount = await rows.CountAsync(row => row.IsSelected);
        Options = await ListFilterOptions.LoadAsync(db);
    }

    /// <summary>A recommended outcome; the summary is shown whole, as the reviewer judges by it.</summary>
    public sealed class OutcomeRow
    {
        public Guid Id { get; init; }

        public string Title { get; init; } = string.Empty;

        public string Summary { get; init; } = string.Empty;

        public bool IsSelected { get; init; }

        public string AuthorName { get; init; } = string.Empty;

        public int Year { get; init; }

        public string ProjectNumber { get; init; } = string.Empty;

        public string ProjectName { get; init; } = string.Empty;

        public string HostName { get; init; } = string.Empty;
    }
}
