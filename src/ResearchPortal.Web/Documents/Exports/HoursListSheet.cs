using System.Globalization;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Documents.Forms;
using ResearchPortal.Web.Documents.Xlsx;

namespace ResearchPortal.Web.Documents.Exports;

/// <summary>
/// 继续教育学时名单 for upload to the 继续教育公共服务平台: one plain header row (no title lines, which upload
/// tools trip over) and one row per trainee who passed. Carries full ID numbers: callers audit every download.
/// </summary>
public static class HoursListSheet
{
    public static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new("姓名"), new("身份证号"), new("项目编号"), new("项目名称"), new("完成学时", XlsxCellKind.Number), new("培训证书编号"),
        new("完成日期", XlsxCellKind.Date),
    ];

    /// <param name="filing">Its end date is the completion date.</param>
    public static void Write(Stream output, PlanProject project, Filing? filing, IEnumerable<RosterEntry> entries)
    {
        var completed = filing?.EndDate?.ToString(XlsxColumn.DateFormat, CultureInfo.InvariantCulture);
        using var writer = new XlsxSheetWriter(output, "学时名单", Columns);
        foreach (var entry in entries.Where(e => e.Passed))
        {
            writer.AddRow(
            [
                entry.Name, entry.IdNumber.Value, project.ProjectNumber, project.Name, FormText.Hours(entry.CompletedHours),
                entry.CertificateNumber, completed,
            ]);
        }

        writer.Complete();
    }
}
