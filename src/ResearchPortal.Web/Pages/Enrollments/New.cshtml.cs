using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Pages.Seminars;

namespace ResearchPortal.Web.Pages.Enrollments;

/// <summary>A trainee's enrollment receipt (Annex 3) for an approved seminar.</summary>
[Authorize(Policy = PortalPolicies.Trainee)]
public sealed class NewModel(
    PortalDbContext db, PortalClock clock, IdNumberLookup idNumbers, AuditLog auditLog, UserManager<PortalUser> users)
    : PageModel
{
    [BindProperty]
    public EnrollmentInput Input { get; set; } = new();

    public PublishedSeminar Seminar { get; private set; } = null!;

    /// <summary>Why enrollment is closed (the domain's message); the form is hidden then.</summary>
    public string? ClosedMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (!await LoadAsync(projectId))
        {
            return NotFound();
        }

        var userId = User.GetUserId();
        var earlier = await db.EnrollmentReceipts
            .Where(r => r.TraineeUserId == userId)
            .OrderByDescending(r => r.SubmittedAt)
            .Select(r => r.Form)
            .FirstOrDefaultAsync();
        var profile = await users.FindByIdAsync(userId);
        Input = earlier is null
            ? new EnrollmentInput { Name = profile?.DisplayName, Email = profile?.Email }
            : EnrollmentInput.From(earlier);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid projectId)
    {
        if (!await LoadAsync(projectId))
        {
            return NotFound();
        }

        var idNumber = IdNumber.Parse(Input.IdNumber, clock.Today, nameof(Input.IdNumber));
        if (Input.Gender is not { } gender || idNumber.IsFailure)
        {
            // Submit needs a gender and a valid number; still check the rest now so every fault shows at once
            // (the placeholder gender only lets the form validate; the missing choice is reported by [Required]).
            ModelState.AddDomainErrors(idNumber);
            ModelState.AddDomainErrors(Input.ToForm(Input.Gender ?? Gender.Male).Validate());
            return Page();
        }

        var samePerson = await idNumbers.Matching(db.EnrollmentReceipts, idNumber.Value)
            .Where(r => r.PlanProjectId == projectId)
            .ToListAsync();
        var submitted = EnrollmentReceipt.Submit(
            projectId, User.GetUserId(), Input.ToForm(gender), idNumber.Value, samePerson, Seminar.Window, clock.Today, clock.Now);
        if (submitted.IsFailure)
        {
            ModelState.AddDomainErrors(submitted);
            return Page();
        }

        db.EnrollmentReceipts.Add(submitted.Value);
        auditLog.Record(User.ToActor(), "Enrollment.Submitted", $"报名回执 {submitted.Value.Form.Name}（{submitted.Value.IdNumber.Masked}）", projectId);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = $"已提交《{Seminar.Project.Name}》的报名回执，请等待承办单位审核。";
        return RedirectToPage("/Enrollments/Mine");
    }

    private async Task<bool> LoadAsync(Guid projectId)
    {
        if (await PublishedSeminars.FindAsync(db, projectId) is not { } seminar)
        {
            return false;
        }

        Seminar = seminar;
        ClosedMessage = seminar.Window.CheckOpen(clock.Today).Errors.Select(e => e.Message).FirstOrDefault();
        return true;
    }
}
