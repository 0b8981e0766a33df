namespace ResearchPortal.Web.Authorization;

/// <summary>Policy names for whole pages; project-level checks go through <see cref="ProjectAccess"/>.</summary>
public static class PortalPolicies
{
    public const string Reviewer = "Reviewer";
    public const string Organizer = "Organizer";
    public const string Trainee = "Trainee";

    /// <summary>Reviewers (the whole province) and organizers (their own unit's part).</summary>
    public const string OrganizerOrReviewer = "OrganizerOrReviewer";
}
