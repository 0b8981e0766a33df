using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Projects;

namespace ResearchPortal.Web.Pages.Projects;

/// <summary>A project with its units and where it stands today, as the dashboard and the overview show it.</summary>
public sealed record ProjectRow(PlanProject Project, Organization Host, Organization Applicant, ProjectProgress Progress)
{
    /// <summary>"备案截止 2024年9月25日（还有 3 个工作日）", or null when nothing is due.</summary>
    public string? Deadline => Progress.NextDeadline is { } deadline ? DeadlineText.Describe(deadline) : null;

    public bool IsOverdue => Progress.NextDeadline?.IsOverdue == true;
}
