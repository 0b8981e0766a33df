using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Filings;

/// <summary>The filing as submitted or approved, read-only, with its review history.</summary>
[Authorize(Policy = PortalPolicies.SignedIn)]
public sealed class DetailsModel(ProjectAccess access) : PageModel
{
    public PlanProject Project { get; private set; } = null!;

    public Filing? Filing { get; private set; }

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await access.FindWithFilingAsync(User, projectId, ProjectOperations.View) is not ({ } project, var filing))
        {
            return NotFound();
        }

        Project = project;
        CanManage = await access.IsAllowedAsync(User, project, ProjectOperations.Manage);
        Filing = filing;
        return Page();
    }

    /// <summary>The host unit and reviewers see the contact numbers in full; the applicant unit sees them masked.</summary>
    public string Phone(string? phone) => CanManage || User.IsReviewer() ? phone ?? string.Empty : Masking.Phone(phone);
}
