using ResearchPortal.Domain.Plans;

namespace ResearchPortal.Web.Data;

/// <summary>
/// How an audit entry names what it concerns (<see cref="AuditEntry.Subject"/>): one wording per kind of subject, so the
/// audit log reads and searches the same whichever page wrote the entry.
/// </summary>
public static class AuditSubjects
{
    /// <summary>"2024-001《海洋生态保护与修复高级研修班》".</summary>
    public static string Project(PlanProject project) => $"{project.ProjectNumber}《{project.Name}》";

    /// <summary>Someone or something inside a project: "2024-001《…》 张三".</summary>
    public static string InProject(PlanProject project, string item) => $"{Project(project)} {item}";

    public static string Outcome(PlanProject project, string title) => InProject(project, $"研修成果《{title}》");

    /// <summary>"张三（zhang@example.cn）".</summary>
    public static string Account(string displayName, string? email) => $"{displayName}（{email}）";

    /// <summary>"报名回执 张三（370102********123X）"; the ID number only masked.</summary>
    public static string Receipt(string? name, string maskedIdNumber) =>
        name is null ? $"报名回执（{maskedIdNumber}）" : $"报名回执 {name}（{maskedIdNumber}）";

    public static string PlanYear(int year) => $"{year} 年度计划";

    public static string CalendarYear(int year) => $"{year} 年节假日安排";
}
