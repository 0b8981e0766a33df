using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace ResearchPortal.Web.Authorization;

/// <summary>What a user may do with a plan project; checked against the project's applicant and host units.</summary>
public static class ProjectOperations
{
    /// <summary>See the project and its non-public records: reviewers, host and applicant organizers.</summary>
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };

    /// <summary>File, run the enrollment queue, keep the roster and close out: the host unit's organizers.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };

    /// <summary>Give the applicant-unit acceptance score: the applicant unit's organizers.</summary>
    public static readonly OperationAuthorizationRequirement ScoreAsApplicant = new() { Name = nameof(ScoreAsApplicant) };

    /// <summary>Approve or return filings and close-outs, select outcomes, record spot checks: reviewers.</summary>
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };
}
