using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.Enrollments;

/// <summary>The host organizer enters a receipt (Annex 3) a trainee's unit sent on paper or by e-mail: no trainee
/// account behind it, the same duplicate check and enrollment window as the trainee's own form.</summary>
[Authorize(Policy = PortalPolicies.Organizer)]
public sealed class RecordModel(
    PortalDbContext db, ProjectAccess access, PortalClock clock, IdNumberLookup idNumbers, AuditLog auditLog,
    PortalNotifications notifications)
    : PageModel
{
    [BindProperty]
    public EnrollmentInput Input { get; set; } = new();

    public PlanProject Project { get; private set; } = null!;

    /// <summary>Null until the filing is approved.</summary>
    public PublishedSeminar? Seminar { get; private set; }

    /// <summary>Why enrollment is closed (the domain's message); the form is hidden then.</summary>
    public string? ClosedMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId) =>
        await LoadAsync(projectId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid projectId)
    {
        if (!await LoadAsync(projectId))
        {
            return NotFound();
        }

        var receipt = await new ReceiptSubmission(db, idNumbers, clock, auditLog).SaveAsync(
            ModelState, User.ToActor(), projectId, traineeUserId: null, Input, EnrollmentWindow.For(Seminar?.Filing), AuditActions.EnrollmentRecordedByHost,
            // A receipt is only taken while enrollment is open, so the seminar is published here.
            receipt => notifications.ReceiptSubmittedAsync(Project, Seminar!.Filing, receipt, User.GetUserId()));
        if (receipt is null)
        {
            return Page();
        }

        TempData["StatusMessage"] = $"已代为录入{receipt.Form.Name}的报名回执，状态为“{receipt.Status.ToChinese()}”。";
        return RedirectToPage("/Enrollments/Queue", new { projectId });
    }

    /// <summary>The project, for its host unit only; anything else is a 404.</summary>
    private async Task<bool> LoadAsync(Guid projectId)
    {
        if (await access.FindAsync(User, projectId, ProjectOperations.Manage) is not { } project)
        {
            return false;
        }

        Project = project;
        Seminar = await PublishedSeminars.FindAsync(db, projectId);
        ClosedMessage = EnrollmentWindow.For(Seminar?.Filing).CheckOpen(clock.Today).Errors.Select(e => e.Message).FirstOrDefault();
        return true;
    }
}
