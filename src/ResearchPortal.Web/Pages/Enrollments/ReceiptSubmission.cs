using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Enrollments;

/// <summary>
/// "Validate the ID number, find the same person's receipts for the project, submit": the part of taking an Annex 3
/// receipt shared by the trainee's own form (New) and the host organizer entering one sent by a unit (Record).
/// </summary>
public static class ReceiptSubmission
{
    /// <summary>The new receipt (not yet added to the context), or null with every fault put next to its field in
    /// <paramref name="modelState"/> (under <c>Input</c>).</summary>
    /// <param name="traineeUserId">The trainee's account; null when the host enters a receipt sent by a unit.</param>
    public static async Task<EnrollmentReceipt?> SubmitAsync(
        PortalDbContext db,
        IdNumberLookup idNumbers,
        PortalClock clock,
        ModelStateDictionary modelState,
        Guid projectId,
        string? traineeUserId,
        EnrollmentInput input,
        EnrollmentWindow window)
    {
        var idNumber = IdNumber.Parse(input.IdNumber, clock.Today, nameof(EnrollmentInput.IdNumber));
        if (input.Gender is not { } gender || idNumber.IsFailure)
        {
            // Submit needs a gender and a valid number; still check the rest now so every fault shows at once
            // (the placeholder gender only lets the form validate; the missing choice is reported by [Required]).
            modelState.AddDomainErrors(idNumber);
            modelState.AddDomainErrors(input.ToForm(input.Gender ?? Gender.Male).Validate());
            return null;
        }

        var samePerson = await idNumbers.Matching(db.EnrollmentReceipts, idNumber.Value)
            .Where(r => r.PlanProjectId == projectId)
            .ToListAsync();
        var submitted = EnrollmentReceipt.Submit(
            projectId, traineeUserId, input.ToForm(gender), idNumber.Value, samePerson, window, clock.Today, clock.Now);
        if (submitted.IsFailure)
        {
            modelState.AddDomainErrors(submitted);
            return null;
        }

        return submitted.Value;
    }
}
