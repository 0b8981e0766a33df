using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.CloseOuts;

/// <summary>申报单位验收意见: the applicant unit's organizer scores the project (<see cref="Score"/>: the domain's scale and pass mark).</summary>
[Authorize(Policy = PortalPolicies.Organizer)]
public sealed class ApplicantScoreModel(PortalDbContext db, ProjectAccess access, AuditLog audit) : PageModel
{
    public PlanProject Project { get; private set; } = null!;

    public CloseOut? CloseOut { get; private set; }

    [BindProperty]
    public ScoreInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (!await LoadAsync(projectId))
        {
            return NotFound();
        }

        Input.Score = CloseOut?.Acceptance.ApplicantScore?.Value;
        Input.ConcurrencyToken = CloseOut is null ? string.Empty : ConcurrencyToken.Read(db, CloseOut);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid projectId)
    {
        if (!await LoadAsync(projectId))
        {
            return NotFound();
        }

        if (CloseOut is { IsEditable: false })
        {
            return NotEditable(projectId);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var score = Score.Create(Input.Score!.Value, nameof(ScoreInput.Score));
        // The applicant unit may score before the host unit has started its close-out.
        var closeOut = CloseOut ?? db.CloseOuts.Add(CloseOut.Start(projectId)).Entity;
        if (CloseOut is not null)
        {
            ConcurrencyToken.Expect(db, closeOut, Input.ConcurrencyToken);
        }

        var result = score.IsSuccess ? closeOut.SetApplicantScore(score.Value) : score;
        if (result.IsFailure)
        {
            ModelState.AddDomainErrors(result, nameof(Input));
            return Page();
        }

        audit.Record(User.ToActor(), AuditActions.CloseOutApplicantScored, AuditSubjects.Project(Project), projectId, score.Value.ToString());
        if (!await db.TrySaveAsync(ModelState))
        {
            // The typed score stays in the form; the close-out shown beside it is the stored one.
            await LoadAsync(projectId);
            return CloseOut is { IsEditable: false } ? NotEditable(projectId) : Page();
        }

        TempData["StatusMessage"] = $"已保存申报单位验收评分：{score.Value}。";
        return RedirectToPage(new { projectId });
    }

    private IActionResult NotEditable(Guid projectId) =>
        this.NotEditable(CloseOut.Workflow.EditableCheck(CloseOut!.Status), pageName: null, new { projectId });

    private async Task<bool> LoadAsync(Guid projectId)
    {
        if (await access.FindAsync(User, projectId, ProjectOperations.ScoreAsApplicant) is not { } project)
        {
            return false;
        }

        Project = project;
        CloseOut = await db.CloseOuts.SingleOrDefaultAsync(c => c.PlanProjectId == projectId);
        return true;
    }

    public sealed class ScoreInput
    {
        [Required(ErrorMessage = "请填写验收评分。")]
        [Display(Name = "申报单位验收评分")]
        public int? Score { get; set; }

        public string? ConcurrencyToken { get; set; }
    }
}
