namespace ResearchPortal.Web.Data;

/// <summary>The Identity role names; a user has exactly one of them.</summary>
public static class PortalRoles
{
    /// <summary>审核员: the province's reviewer.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>组织者: acts for an applicant or host unit.</summary>
    public const string Organizer = "Organizer";

    /// <summary>学员.</summary>
    public const string Trainee = "Trainee";

    public static IReadOnlyList<string> All { get; } = [Reviewer, Organizer, Trainee];
}
