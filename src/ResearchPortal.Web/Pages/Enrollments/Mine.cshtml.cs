using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Enrollments;

/// <summary>The signed-in trainee's own receipts; a pending one can be withdrawn.</summary>
[Authorize(Policy = PortalPolicies.Trainee)]
public sealed class MineModel(PortalDbContext db, PortalClock clock, AuditLog auditLog) : PageModel
{
    public IReadOnlyList<MyReceipt> Receipts { get; private set; } = [];

    /// <summary>The seminars the trainee is on the roster of: hours, result, certificate.</summary>
    public IReadOnlyList<MyAttendance> Attendances { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostWithdrawAsync(Guid receiptId)
    {
        var userId = User.GetUserId();

        // Someone else's receipt looks the same as a missing one.
        var receipt = await db.EnrollmentReceipts.SingleOrDefaultAsync(r => r.Id == receiptId && r.TraineeUserId == userId);
        if (receipt is null)
        {
            return NotFound();
        }

        var withdrawn = receipt.Withdraw(userId, clock.Now);
        if (withdrawn.IsFailure)
        {
            ModelState.AddDomainErrors(withdrawn);
            await LoadAsync();
            return Page();
        }

        auditLog.Record(User.ToActor(), AuditActions.EnrollmentWithdrawn, AuditSubjects.Receipt(receipt.Form.Name, receipt.IdNumber.Masked), receipt.PlanProjectId);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException exception) when (exception.IsLostRace())
        {
            // The host decided the receipt while the trainee withdrew it: the decision stands.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, EnrollmentReceipt.HandledByOthersMessage);
            await LoadAsync();
            return Page();
        }

        TempData["StatusMessage"] = "报名回执已撤回。";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var userId = User.GetUserId();
        Receipts = await (
                from receipt in db.EnrollmentReceipts.AsNoTracking()
                where receipt.TraineeUserId == userId
                join project in db.PlanProjects on receipt.PlanProjectId equals project.Id
                orderby receipt.SubmittedAt descending
                select new MyReceipt(receipt, project))
            .ToListAsync();
        Attendances = await (
                from entry in db.RosterEntries.AsNoTracking()
                where entry.TraineeUserId == userId
                join project in db.PlanProjects on entry.PlanProjectId equals project.Id
                orderby project.Year descending, project.ProjectNumber
                select new MyAttendance(entry, project))
            .ToListAsync();
    }

    public sealed record MyReceipt(EnrollmentReceipt Receipt, PlanProject Project);

    public sealed record MyAttendance(RosterEntry Entry, PlanProject Project);
}
