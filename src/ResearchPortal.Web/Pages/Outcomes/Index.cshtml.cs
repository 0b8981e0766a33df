using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Outcomes;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Rules;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;


namespace ResearchPortal.Web.Pages.Outcomes;

/// <summary>The host unit's list of its trainees' outcomes, with recommendation up to 20 % of the roster.</summary>
[Authorize(Policy = PortalPolicies.OrganizerOrReviewer)]
public sealed class IndexModel(PortalDbContext db, ProjectAccess access, AuditLog audit) : PageModel
{
    public PlanProject Project { get; private set; } = null!;

    public IReadOnlyList<ResearchOutcome> Outcomes { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> AuthorNames { get; private set; } = new Dictionary<Guid, string>();

    public int RosterSize { get; private set; }

    public bool CanEdit { get; private set; }

    public int RecommendedCount => Outcomes.Count(o => o.IsRecommended);

    public int Cap => SeminarRules.MaxRecommendedOutcomes(RosterSize);

    public async Task<IActionResult> OnGetAsync(Guid projectId) =>
        await LoadAsync(projectId) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFileAsync(Guid projectId, Guid outcomeId)
    {
        if (!await LoadAsync(projectId)
            || Outcomes.SingleOrDefault(o => o.Id == outcomeId)?.FileId is not { } fileId
            || await db.StoredFiles.FindAsync(fileId) is not { } file)
        {
            return NotFound();
        }

        return File(file.Content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostRecommendAsync(Guid projectId, Guid outcomeId) =>
        ChangeAsync(projectId, outcomeId, outcome => outcome.Recommend(RecommendedCount, RosterSize), AuditActions.OutcomeRecommended, "已推荐");

    public Task<IActionResult> OnPostUnrecommendAsync(Guid projectId, Guid outcomeId) =>
        ChangeAsync(projectId, outcomeId, outcome => outcome.Unrecommend(), AuditActions.OutcomeUnrecommended, "已撤销推荐");

    private async Task<IActionResult> ChangeAsync(Guid projectId, Guid outcomeId, Func<ResearchOutcome, Result> change, string auditAction, string verb)
    {
        if (!await LoadAsync(projectId) || !CanEdit || Outcomes.SingleOrDefault(o => o.Id == outcomeId) is not { } outcome)
        {
            return NotFound();
        }

        var result = change(outcome);
        if (result.IsFailure)
        {
            result.Errors.ToList().ForEach(error => ModelState.AddModelError(string.Empty, error.Message));
            return Page();
        }

        audit.Record(User.ToActor(), auditAction, AuditSubjects.Outcome(Project, outcome.Title), projectId);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = $"{verb}：{outcome.Title}。";
        return RedirectToPage(new { projectId });
    }

    private async Task<bool> LoadAsync(Guid projectId)
    {
        if (await access.FindAsync(User, projectId, HostOrReviewer.Operation(User)) is not { } project)
        {
            return false;
        }

        Project = project;
        CanEdit = !User.IsReviewer();
        Outcomes = await db.ResearchOutcomes.Where(o => o.PlanProjectId == projectId).OrderBy(o => o.SubmittedAt).ToListAsync();
        var roster = await db.RosterEntries.AsNoTracking().Where(e => e.PlanProjectId == projectId)
            .Select(e => new { e.Id, e.Name }).ToListAsync();
        RosterSize = roster.Count;
        AuthorNames = roster.ToDictionary(e => e.Id, e => e.Name);
        return true;
    }
}
