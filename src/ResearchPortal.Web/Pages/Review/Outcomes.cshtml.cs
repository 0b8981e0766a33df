using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Outcomes;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>优秀成果评选: the outcomes host units recommended, across projects; the reviewer selects or unselects.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class OutcomesModel(PortalDbContext db, ProjectAccess access, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<OutcomeRow> Rows { get; private set; } = [];

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

        audit.Record(User.ToActor(), auditAction, $"{project.ProjectNumber}《{outcome.Title}》", project.Id);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = statusMessage;
        return RedirectToPage(new { Year });
    }

    private async Task LoadAsync()
    {
        Years = await db.PlanYears.OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync();
        Rows = await (
            from outcome in db.ResearchOutcomes.AsNoTracking()
            where outcome.IsRecommended
            join project in db.PlanProjects on outcome.PlanProjectId equals project.Id
            where Year == null || project.Year == Year
            join host in db.Organizations on project.HostOrganizationId equals host.Id
            join author in db.RosterEntries on outcome.AuthorRosterEntryId equals author.Id
            orderby project.Year descending, project.ProjectNumber, outcome.SubmittedAt
            select new OutcomeRow(outcome.Id, outcome.Title, outcome.Summary, outcome.IsSelected, author.Name, project.ProjectNumber, project.Name, host.Name))
            .ToListAsync();
    }

    public sealed record OutcomeRow(
        Guid Id, string Title, string Summary, bool IsSelected, string AuthorName, string ProjectNumber, string ProjectName, string HostName);
}
