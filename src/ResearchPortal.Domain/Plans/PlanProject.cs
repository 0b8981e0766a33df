using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Plans;

/// <summary>One line of Annex 1. The project number is unique within its plan year; the database enforces that.</summary>
public sealed class PlanProject
{
    public const int ProjectNumberMaxLength = 30;
    public const int NameMaxLength = 200;
    public const int FieldMaxLength = 100;

    private PlanProject()
    {
        ProjectNumber = string.Empty;
        Name = string.Empty;
        Field = string.Empty;
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public string ProjectNumber { get; private set; }

    public string Name { get; private set; }

    /// <summary>专业领域.</summary>
    public string Field { get; private set; }

    public Guid ApplicantOrganizationId { get; private set; }

    public Guid HostOrganizationId { get; private set; }

    public static Result<PlanProject> Create(
        int year, string projectNumber, string name, string field, Guid applicantOrganizationId, Guid hostOrganizationId)
    {
        var project = new PlanProject { Id = Guid.CreateVersion7(), Year = year };
        return project.Update(projectNumber, name, field, applicantOrganizationId, hostOrganizationId).WithValue(project);
    }

    public Result Update(string projectNumber, string name, string field, Guid applicantOrganizationId, Guid hostOrganizationId)
    {
        return new ErrorCollector()
            .RequiredWithin(projectNumber, ProjectNumberMaxLength, nameof(ProjectNumber), "项目编号")
            .RequiredWithin(name, NameMaxLength, nameof(Name), "项目名称")
            .RequiredWithin(field, FieldMaxLength, nameof(Field), "专业领域")
            .When(applicantOrganizationId == Guid.Empty, "Required", "请选择申报单位。", nameof(ApplicantOrganizationId))
            .When(hostOrganizationId == Guid.Empty, "Required", "请选择承办单位。", nameof(HostOrganizationId))
            .Apply(() =>
            {
                ProjectNumber = projectNumber.Trim();
                Name = name.Trim();
                Field = field.Trim();
                ApplicantOrganizationId = applicantOrganizationId;
                HostOrganizationId = hostOrganizationId;
            });
    }
}
