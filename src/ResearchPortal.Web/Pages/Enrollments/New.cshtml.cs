using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.Enrollments;

/// <summary>A trainee's enrollment receipt (Annex 3) for an approved seminar.</summary>
[Authorize(Policy = PortalPolicies.Trainee)]
public sealed class NewModel(
    PortalDbContext db, PortalClock clock, IdNumberLookup idNumbers, AuditLog auditLog, UserManager<PortalUser> users,
    PortalNotifications notifications)
    : PageModel
{
    [BindProperty]
    public EnrollmentInput Input { get; set; } = new();

    public PublishedSeminar Seminar { get; private set; } = null!;

    /// <summary>Why enrollment is closed (the domain's message); the form is hidden then.</summary>
    public string? ClosedMessage { get; private set; }

    /// <summary>The account's own number, once its first receipt has bound it.</summary>
    public IdNumber? BoundIdNumber { get; private set; }

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

        var receipt = await new ReceiptSubmission(db, idNumbers, clock, auditLog).SaveAsync(
            ModelState, User.ToActor(), projectId, User.GetUserId(), Input, Seminar.Window, AuditActions.EnrollmentSubmitted,
            receipt => notifications.ReceiptSubmittedAsync(Seminar.Project, Seminar.Filing, receipt, recordedByUserId: null));
        if (receipt is null)
        {
            return Page();
        }

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
        BoundIdNumber = (await db.AccountIdNumbers.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == User.GetUserId()))?.IdNumber;
        ClosedMessage = seminar.Window.CheckOpen(clock.Today).Errors.Select(e => e.Message).FirstOrDefault();
        return true;
    }
}
