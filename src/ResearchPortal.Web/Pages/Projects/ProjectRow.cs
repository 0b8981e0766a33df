using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Projects;

namespace ResearchPortal.Web.Pages.Projects;

/// <summary>A project with its units and where it stands today, as the dashboard and the overview show it.</summary>
public sealed record ProjectRow(PlanProject Project, Organization Host, Organization Applicant, ProjectProgress Progress)
{
    public string? Deadline => Progress.DeadlineWords;

    public bool IsOverdue => Progress.IsOverdue;
}
