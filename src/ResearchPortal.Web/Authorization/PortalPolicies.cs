namespace ResearchPortal.Web.Authorization;

/// <summary>
/// Policy names for whole pages, the one way a page model says who may open it (else <c>[AllowAnonymous]</c>);
/// project-level checks go through <see cref="ProjectAccess"/>.
/// </summary>
public static class PortalPolicies
{
    public const string Reviewer = "Reviewer";
    public const string Organizer = "Organizer";
    public const string Trainee = "Trainee";

    /// <summary>Reviewers (the whole province) and organizers (their own unit's part).</summary>
    public const string OrganizerOrReviewer = "OrganizerOrReviewer";

    /// <summary>Any signed-in account, whatever its role: the page checks each record (own receipt, own unit's project).</summary>
    public const string SignedIn = "SignedIn";
}
