using System.Globalization;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Documents.Xlsx;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Documents.Exports;

/// <summary>A project's enrollment receipts with their status. ID numbers are masked: the list is for working the
/// queue, not for filing, so it needs no audit.</summary>
public static class EnrollmentListSheet
{
    public static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new("序号", XlsxCellKind.Number), new("姓名"), new("性别"), new("身份证号"), new("单位名称"), new("工作单位"), new("职务"),
        new("职称"), new("手机"), new("电子邮箱"), new("提交时间", XlsxCellKind.DateTime), new("状态"), new("不予录取原因"),
    ];

    public static void Write(Stream output, PlanProject project, IEnumerable<EnrollmentReceipt> receipts)
    {
        using var writer = new XlsxSheetWriter(output, "报名名单", Columns);
        writer.AddTitle($"《{project.Name}》报名名单（项目编号：{project.ProjectNumber}）");
        var number = 0;
        foreach (var receipt in receipts)
        {
            var form = receipt.Form;
            writer.AddRow(
            [
                (++number).ToString(CultureInfo.InvariantCulture), form.Name, form.Gender.ToChinese(), receipt.IdNumber.Masked,
                form.UnitName, form.WorkUnit, form.Position, form.ProfessionalTitle, form.Mobile, form.Email,
                receipt.SubmittedAt.ToOffset(PortalClock.ChinaOffset).ToString(XlsxColumn.DateTimeFormat, CultureInfo.InvariantCulture),
                receipt.Status.ToChinese(), receipt.DecisionReason,
            ]);
        }

        writer.Complete();
    }
}
