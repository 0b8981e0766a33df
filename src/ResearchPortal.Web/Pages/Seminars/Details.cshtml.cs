using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Seminars;

/// <summary>One approved seminar as published: programme, contact (phones masked) and the way to enroll.</summary>
[AllowAnonymous]
public sealed class DetailsModel(PortalDbContext db, PortalClock clock) : PageModel
{
    public PublishedSeminar Seminar { get; private set; } = null!;

    public string ApplicantName { get; private set; } = string.Empty;

    /// <summary>Why enrollment is closed, from the domain's window; null while it is open.</summary>
    public string? ClosedMessage { get; private set; }

    /// <summary>Anonymous visitors see the button too: it leads them through login; organizers and reviewers do not enroll.</summary>
    public bool CanEnroll => ClosedMessage is null && (User.Identity?.IsAuthenticated != true || User.IsTrainee());

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await PublishedSeminars.FindAsync(db, projectId) is not { } seminar)
        {
            return NotFound();
        }

        Seminar = seminar;
        ApplicantName = await db.Organizations
            .Where(o => o.Id == seminar.Project.ApplicantOrganizationId)
            .Select(o => o.Name)
            .SingleAsync();
        ClosedMessage = seminar.Window.CheckOpen(clock.Today).Errors.Select(e => e.Message).FirstOrDefault();
        return Page();
    }
}
