using System.Globalization;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Xlsx;

namespace ResearchPortal.Web.Documents.Exports;

/// <summary>A project with its units and where it stands on the day of the export.</summary>
public sealed record ProjectListRow(ProjectListItem Project, ProjectProgress Progress);

/// <summary>The reviewer's list of all projects: status and the next deadline, as on the projects dashboard.</summary>
public static class ProjectListSheet
{
    public static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new("计划年度", XlsxCellKind.Number), new("项目编号"), new("项目名称"), new("专业领域"), new("申报单位"), new("承办单位"),
        new("所在市"), new("状态"), new("下一截止事项"), new("截止日期", XlsxCellKind.Date), new("说明"),
    ];

    public static void Write(Stream output, IEnumerable<ProjectListRow> rows, DateOnly today)
    {
        using var writer = new XlsxSheetWriter(output, "项目一览", Columns);
        writer.AddTitle($"高级研修项目一览（截至 {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）");
        foreach (var row in rows)
        {
            var deadline = row.Progress.NextDeadline;
            writer.AddRow(
            [
                row.Project.Year.ToString(CultureInfo.InvariantCulture), row.Project.ProjectNumber, row.Project.Name, row.Project.Field,
                row.Project.ApplicantName, row.Project.HostName, row.Project.HostCity, row.Progress.StatusLabel,
                deadline is null ? null : DeadlineText.Label(deadline.Kind),
                deadline?.Date.ToString(XlsxColumn.DateFormat, CultureInfo.InvariantCulture),
                deadline is null ? null : DeadlineText.Describe(deadline),
            ]);
        }

        writer.Complete();
    }
}
