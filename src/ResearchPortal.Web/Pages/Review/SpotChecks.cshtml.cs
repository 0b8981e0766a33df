using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Inspections;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>检查抽查: record a check on one project and list the earlier ones.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class SpotChecksModel(PortalDbContext db, ProjectAccess access, AuditLog audit, PortalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ProjectId { get; set; }

    [BindProperty]
    public SpotCheckInput Input { get; set; } = new();

    public ReviewedProject Reviewed { get; private set; } = null!;

    public IReadOnlyList<SpotCheck> Checks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input.Date = clock.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = User.ToActor();
        var check = SpotCheck.Record(ProjectId, Input.Date!.Value, Input.Inspector ?? string.Empty, Input.Findings ?? string.Empty, actor, clock.Today, clock.Now);
        if (check.IsFailure)
        {
            ModelState.AddDomainErrors(check);
            return Page();
        }

        db.SpotChecks.Add(check.Value);
        audit.Record(actor, AuditActions.SpotCheckRecorded, Reviewed.Title, ProjectId, $"检查日期 {ChineseDate.Format(Input.Date!.Value)}，检查人 {check.Value.Inspector}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = "检查抽查记录已保存。";
        return RedirectToPage(new { ProjectId });
    }

    private async Task<bool> LoadAsync()
    {
        if (await ReviewedProject.FindAsync(db, access, User, ProjectId) is not { } reviewed)
        {
            return false;
        }

        Reviewed = reviewed;
        Checks = await db.SpotChecks.AsNoTracking()
            .Where(c => c.PlanProjectId == ProjectId)
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.RecordedAt)
            .ToListAsync();
        return true;
    }

    public sealed class SpotCheckInput
    {
        [Required(ErrorMessage = "请填写检查日期。")]
        [Display(Name = "检查日期")]
        public DateOnly? Date { get; set; }

        [Display(Name = "检查人")]
        public string? Inspector { get; set; }

        [Display(Name = "检查情况")]
        public string? Findings { get; set; }
    }
}
