using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Outcomes;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Uploads;

namespace ResearchPortal.Web.Pages.Outcomes;

/// <summary>A trainee on the project's roster hands in a research outcome (title, summary, optional full text).</summary>
[Authorize(Policy = PortalPolicies.Trainee)]
public sealed class SubmitModel(PortalDbContext db, AuditLog audit, PortalClock clock) : PageModel
{
    public PlanProject Project { get; private set; } = null!;

    public RosterEntry Entry { get; private set; } = null!;

    public IReadOnlyList<ResearchOutcome> MyOutcomes { get; private set; } = [];

    [BindProperty]
    public OutcomeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid projectId) =>
        await LoadAsync(projectId) ? Page() : NotFound();

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

        var file = Input.File is null ? null : await UploadedDocument.ReadAsync(Input.File, "成果全文", nameof(OutcomeInput.File), clock.Now);
        if (file is { IsFailure: true })
        {
            ModelState.AddDomainErrors(file);
        }

        var outcome = ResearchOutcome.Submit(projectId, Entry.Id, Input.Title ?? string.Empty, Input.Summary ?? string.Empty, file?.Value.Id, clock.Now);
        if (outcome.IsFailure || !ModelState.IsValid)
        {
            ModelState.AddDomainErrors(outcome);
            return Page();
        }

        if (file is not null)
        {
            db.StoredFiles.Add(file.Value);
        }

        db.ResearchOutcomes.Add(outcome.Value);
        audit.Record(User.ToActor(), AuditActions.OutcomeSubmitted, AuditSubjects.Outcome(Project, outcome.Value.Title), projectId);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = "研修成果已提交。" + (file is null ? null : UploadedDocument.RenamedNote(Input.File!, file.Value));
        return RedirectToPage(new { projectId });
    }

    /// <summary>Only a trainee on this project's roster may submit; anyone else sees 404.</summary>
    private async Task<bool> LoadAsync(Guid projectId)
    {
        var userId = User.GetUserId();
        var entry = await db.RosterEntries.AsNoTracking().SingleOrDefaultAsync(e => e.PlanProjectId == projectId && e.TraineeUserId == userId);
        if (entry is null)
        {
            return false;
        }

        Entry = entry;
        Project = await db.PlanProjects.SingleAsync(p => p.Id == projectId);
        MyOutcomes = await db.ResearchOutcomes.AsNoTracking()
            .Where(o => o.AuthorRosterEntryId == entry.Id)
            .OrderBy(o => o.SubmittedAt)
            .ToListAsync();
        return true;
    }

    public sealed class OutcomeInput
    {
        [Display(Name = "成果标题")]
        public string? Title { get; set; }

        [Display(Name = "成果摘要")]
        public string? Summary { get; set; }

        [Display(Name = "成果全文（可选，PDF/DOC/DOCX，不超过 20 MB）")]
        public IFormFile? File { get; set; }
    }
}
