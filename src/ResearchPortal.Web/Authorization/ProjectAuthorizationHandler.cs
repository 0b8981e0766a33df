using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using ResearchPortal.Domain.Plans;

namespace ResearchPortal.Web.Authorization;

/// <summary>
/// Resource-based check of a user against a project's units. Reviewers may view and review everything;
/// organizers act only through their own unit's role in the project.
/// </summary>
public sealed class ProjectAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, PlanProject>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, PlanProject project)
    {
        if (IsAllowed(context, requirement, project))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static bool IsAllowed(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, PlanProject project)
    {
        var user = context.User;
        if (user.IsReviewer())
        {
            return requirement == ProjectOperations.View || requirement == ProjectOperations.Review;
        }

        if (!user.IsOrganizer() || user.GetOrganizationId() is not { } organizationId)
        {
            return false;
        }

        var isHost = project.HostOrganizationId == organizationId;
        var isApplicant = project.ApplicantOrganizationId == organizationId;
        return requirement.Name switch
        {
            nameof(ProjectOperations.View) => isHost || isApplicant,
            nameof(ProjectOperations.Manage) => isHost,
            nameof(ProjectOperations.ScoreAsApplicant) => isApplicant,
            _ => false,
        };
    }
}
