using System.Globalization;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Documents.Forms;
using ResearchPortal.Web.Documents.Xlsx;

namespace ResearchPortal.Web.Documents.Exports;

/// <summary>
/// Annex 4 学员名单 as a spreadsheet: the paper form's title, unit and date lines, its ten columns and the 填表人 lines.
/// The column captions are also the header the roster import looks for, so an exported list can be imported again.
/// It carries full ID numbers: callers audit every download.
/// </summary>
public static class RosterSheet
{
    public const string Sequence = "序号";
    public const string Name = "姓名";
    public const string Gender = "性别";
    public const string IdNumber = "身份证号";
    public const string WorkUnit = "工作单位";
    public const string ProfessionalTitle = "职称";
    public const string Phone = "联系电话";
    public const string CompletedHours = "完成学时";
    public const string Passed = "是否通过结业考核";
    public const string CertificateNumber = "培训证书编号";
    public const string Yes = "是";
    public const string No = "否";

    public static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new(Sequence, XlsxCellKind.Number), new(Name), new(Gender), new(IdNumber), new(WorkUnit), new(ProfessionalTitle),
        new(Phone), new(CompletedHours, XlsxCellKind.Number), new(Passed), new(CertificateNumber),
    ];

    /// <param name="filing">Its contact person and phone fill the 填表人 lines.</param>
    /// <param name="date">The 日期 line: the day the list is produced.</param>
    public static void Write(
        Stream output, PlanProject project, Organization host, Filing? filing, IEnumerable<RosterEntry> entries, DateOnly date)
    {
        using var writer = new XlsxSheetWriter(output, "学员名单", Columns);
        writer.AddTitle(RosterPdf.Title(project));
        writer.AddLine($"组织实施部门、单位：{host.Name}（盖章）");
        writer.AddLine($"日期：{FormText.Date(date)}");
        foreach (var entry in entries)
        {
            writer.AddRow(
            [
                entry.Sequence.ToString(CultureInfo.InvariantCulture), entry.Name, entry.Gender.ToChinese(), entry.IdNumber.Value,
                entry.WorkUnit, entry.ProfessionalTitle, entry.Phone, FormText.Hours(entry.CompletedHours),
                entry.Passed ? Yes : No, entry.CertificateNumber,
            ]);
        }

        writer.AddFooter($"填表人：{filing?.ContactPerson}");
        writer.AddFooter($"工作单位、职务：{host.Name}");
        writer.AddFooter($"联系电话：{filing?.OfficePhone ?? filing?.Mobile}");
        writer.Complete();
    }
}
