using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Enrollments;

/// <summary>
/// "Validate the ID number, find the same person's receipts for the project, submit, save": taking an Annex 3 receipt,
/// shared by the trainee's own form (New) and the host organizer entering one sent by a unit (Record).
/// </summary>
public sealed record ReceiptSubmission(PortalDbContext Db, IdNumberLookup IdNumbers, PortalClock Clock, AuditLog AuditLog)
{
    /// <summary>The saved receipt, or null with every fault put next to its field in <paramref name="modelState"/>
    /// (under <c>Input</c>).</summary>
    /// <param name="traineeUserId">The trainee's account, which enrolls only its own person; null when the host
    /// enters a receipt sent by a unit.</param>
    /// <param name="auditAction">What the audit log calls a saved receipt.</param>
    /// <param name="notify">Queues the receipt's mails, saved with it (and dropped with it when the save loses a race).</param>
    public async Task<EnrollmentReceipt?> SaveAsync(
        ModelStateDictionary modelState, Actor actor, Guid projectId, string? traineeUserId, EnrollmentInput input, EnrollmentWindow window, string auditAction,
        Func<EnrollmentReceipt, Task> notify)
    {
        // A unique index refuses what a parallel request saved first (a live receipt of the same person, the
        // account's number); checked again, the domain then names what happened.
        for (var attempt = 1; ; attempt++)
        {
            var receipt = await SubmitAsync(modelState, actor, projectId, traineeUserId, input, window, auditAction);
            if (receipt is not null)
            {
                await notify(receipt);
            }

            try
            {
                await Db.SaveChangesAsync();
                return receipt;
            }
            catch (DbUpdateException exception) when (exception.IsLostRace())
            {
                Db.ChangeTracker.Clear();
                if (attempt == 2)
                {
                    modelState.AddModelError(string.Empty, "同一时间有其他报名回执正在保存，本次未保存，请稍后重新提交。");
                    return null;
                }
            }
        }
    }

    /// <summary>Adds the new receipt (and the account's first number) with its audit entry to the unit of work; when
    /// refused, only an audit entry for a number the account may not use.</summary>
    private async Task<EnrollmentReceipt?> SubmitAsync(
        ModelStateDictionary modelState, Actor actor, Guid projectId, string? traineeUserId, EnrollmentInput input, EnrollmentWindow window, string auditAction)
    {
        var idNumber = IdNumber.Parse(input.IdNumber, Clock.Today, nameof(EnrollmentInput.IdNumber));
        if (input.Gender is not { } gender || idNumber.IsFailure)
        {
            // Submit needs a gender and a valid number; still check the rest now so every fault shows at once
            // (the placeholder gender only lets the form validate; the missing choice is reported by [Required]).
            modelState.AddDomainErrors(idNumber);
            modelState.AddDomainErrors(input.ToForm(input.Gender ?? Gender.Male).Validate());
            return null;
        }

        var samePerson = await IdNumbers.Matching(Db.EnrollmentReceipts, idNumber.Value)
            .Where(r => r.PlanProjectId == projectId)
            .ToListAsync();
        var accountIdNumber = traineeUserId is null ? null : await Db.AccountIdNumbers.FindAsync(traineeUserId);
        var submitted = EnrollmentReceipt.Submit(
            projectId, traineeUserId, accountIdNumber, input.ToForm(gender), idNumber.Value, samePerson, window, Clock.Today, Clock.Now);
        if (submitted.IsFailure)
        {
            // A number held by someone else's receipt: the trainee is told nothing more, the host can look it up.
            if (submitted.Errors.Any(e => e.Code == EnrollmentReceipt.IdNumberUnavailableCode))
            {
                AuditLog.Record(actor, AuditActions.EnrollmentIdNumberUnavailable, AuditSubjects.Receipt(null, idNumber.Value.Masked), projectId);
            }

            modelState.AddDomainErrors(submitted);
            return null;
        }

        var receipt = submitted.Value;
        if (traineeUserId is not null && accountIdNumber is null)
        {
            Db.AccountIdNumbers.Add(AccountIdNumber.Bind(traineeUserId, receipt.IdNumber, Clock.Now));
        }

        Db.EnrollmentReceipts.Add(receipt);
        AuditLog.Record(actor, auditAction, AuditSubjects.Receipt(receipt.Form.Name, receipt.IdNumber.Masked), projectId);
        return receipt;
    }
}
