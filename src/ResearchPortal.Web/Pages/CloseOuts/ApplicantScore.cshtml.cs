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

/// <summary>申报单位验收意见: the applicant unit's organizer scores the project (0–100, 70 合格).</summary>
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
        Input.Token = CloseOut is null ? string.Empty : ConcurrencyToken.Read(db, CloseOut);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid projectId)
    {
        if (!await LoadAsync(projectId))
        {
            return NotFound();
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
            ConcurrencyToken.Expect(db, closeOut, Input.Token);
        }

        var result = score.IsSuccess ? closeOut.SetApplicantScore(score.Value) : score;
        if (result.IsFailure)
        {
            // A close-out already submitted reports its status: that belongs in the summary.
            result.Errors.ToList().ForEach(error => ModelState.AddModelError(
                error.Field == nameof(ScoreInput.Score) ? $"{nameof(Input)}.{nameof(ScoreInput.Score)}" : string.Empty, error.Message));
            return Page();
        }

        audit.Record(User.ToActor(), AuditActions.CloseOutApplicantScored, AuditSubjects.Project(Project), projectId, score.Value.ToString());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(projectId);
            ModelState.Clear();
            Input = new ScoreInput { Score = CloseOut?.Acceptance.ApplicantScore?.Value, Token = CloseOut is null ? string.Empty : ConcurrencyToken.Read(db, CloseOut) };
            ModelState.AddModelError(string.Empty, "此记录已被他人修改，下面显示的是当前内容，请核对后重新保存。");
            return Page();
        }

        TempData["StatusMessage"] = $"已保存申报单位验收评分：{score.Value}。";
        return RedirectToPage(new { projectId });
    }

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
        [Display(Name = "申报单位验收评分（0–100，70 分合格）")]
        public int? Score { get; set; }

        public string? Token { get; set; }
    }
}
