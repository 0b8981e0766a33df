using Microsoft.AspNetCore.Identity;

namespace ResearchPortal.Web.Data;

/// <summary>A person who signs in: a reviewer (审核员), an organizer of a unit (组织者) or a trainee (学员).</summary>
public sealed class PortalUser : IdentityUser
{
    public const int DisplayNameMaxLength = 50;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The unit an organizer acts for; null for reviewers and trainees.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>Disabled accounts cannot sign in; accounts are never deleted so audit entries keep their author.</summary>
    public bool IsDisabled { get; set; }
}
