using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Pdf;

namespace ResearchPortal.Web.Documents.Forms;

/// <summary>
/// Annex 4, 高级研修项目学员名单, landscape so the ten columns keep full ID numbers on one line. It is filed with the
/// province, so ID numbers are printed in full: callers audit every download.
/// </summary>
public static class RosterPdf
{
    public static readonly IReadOnlyList<string> Headers =
        ["序号", "姓名", "性别", "身份证号", "工作单位", "职称", "联系电话", "完成学时", "是否通过\n结业考核", "培训证书编号"];

    /// <summary>The table's only row when nobody is on the roster, so the list still reads as a filled-in form.</summary>
    public const string NoTrainees = "没有学员";

    private static readonly double[] Columns = [0.8, 1.3, 0.7, 2.6, 3.4, 1.6, 2, 1.1, 1.3, 3.8];

    public static string Title(PlanProject project) => $"《{project.Name}》高级研修项目学员名单（项目编号：{project.ProjectNumber}）";

    /// <param name="filing">Its contact person, position and phone fill the 填表人 lines.</param>
    /// <param name="date">The 日期 line: the day the list is printed.</param>
    /// <exception cref="PdfFontMissingException">No Chinese font is available.</exception>
    public static byte[] Render(
        PlanProject project, Organization host, Filing? filing, IEnumerable<RosterEntry> entries, DateOnly date, PdfFontOptions fonts)
    {
        var table = new PdfTable(Columns) { FontSize = 9 }.AddHeader([.. Headers]);
        var trainees = 0;
        foreach (var entry in entries)
        {
            trainees++;
            table.AddRow(
                PdfCell.Label(entry.Sequence.ToString()),
                PdfCell.Label(entry.Name),
                PdfCell.Label(entry.Gender.ToChinese()),
                PdfCell.Label(entry.IdNumber.Value),
                entry.WorkUnit,
                PdfCell.Label(entry.ProfessionalTitle ?? string.Empty),
                PdfCell.Label(entry.Phone ?? string.Empty),
                PdfCell.Label(FormText.Hours(entry.CompletedHours)),
                PdfCell.Label(entry.Passed ? "是" : "否"),
                PdfCell.Label(entry.CertificateNumber ?? string.Empty));
        }

        if (trainees == 0)
        {
            table.AddRow(PdfCell.Label(NoTrainees, Columns.Length));
        }

        using var writer = new PdfFormWriter(fonts, new PdfPageSetup(PdfOrientation.Landscape, MarginMillimetres: 15), Title(project));
        writer
            .Text(Title(project), PdfTextStyle.Title with { FontSize = 16 })
            .Line($"组织实施部门、单位：{host.Name}（盖章）")
            .Line($"日期：{FormText.Date(date)}")
            .Table(table)
            .KeptTogether(
                $"填表人：{filing?.ContactPerson}",
                $"工作单位、职务：{(filing?.ContactPosition is { } position ? $"{host.Name}、{position}" : host.Name)}",
                $"联系电话：{filing?.OfficePhone ?? filing?.Mobile}");
        return writer.ToArray();
    }
}
