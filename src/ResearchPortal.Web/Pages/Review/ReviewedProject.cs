using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>A project as the reviewer sees it at the top of every review page: the project and both its units.</summary>
public sealed record ReviewedProject(PlanProject Project, Organization Applicant, Organization Host)
{
    public string Title => AuditSubjects.Project(Project);

    /// <summary>Null when the project does not exist or the user may not review it (the page answers 404).</summary>
    public static async Task<ReviewedProject?> FindAsync(PortalDbContext db, ProjectAccess access, ClaimsPrincipal user, Guid projectId)
    {
        var project = await access.FindAsync(user, projectId, ProjectOperations.Review);
        if (project is null)
        {
            return null;
        }

        var units = await db.Organizations
            .Where(o => o.Id == project.ApplicantOrganizationId || o.Id == project.HostOrganizationId)
            .ToDictionaryAsync(o => o.Id);
        return new ReviewedProject(project, units[project.ApplicantOrganizationId], units[project.HostOrganizationId]);
    }
}
