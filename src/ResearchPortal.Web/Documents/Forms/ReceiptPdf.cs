using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Pdf;

namespace ResearchPortal.Web.Documents.Forms;

/// <summary>
/// Annex 3, 高级研修项目报名回执: one receipt, or all of a project's receipts in one file (one numbered section each).
/// The template has no ID number; it is added as a row before 备注, masked, because receipts circulate between units.
/// </summary>
public static class ReceiptPdf
{
    public const string Title = "高级研修项目报名回执";

    private static readonly double[] Columns = [1.6, 1.4, 1.2, 1.6, 1.4, 1.2];

    /// <exception cref="PdfFontMissingException">No Chinese font is available.</exception>
    public static byte[] Render(EnrollmentReceipt receipt, PlanProject project, PdfFontOptions fonts) => Render([receipt], project, fonts);

    /// <exception cref="PdfFontMissingException">No Chinese font is available.</exception>
    public static byte[] Render(IReadOnlyList<EnrollmentReceipt> receipts, PlanProject project, PdfFontOptions fonts)
    {
        if (receipts.Count == 0)
        {
            throw new ArgumentException("At least one receipt is needed.", nameof(receipts));
        }

        using var writer = new PdfFormWriter(fonts, documentTitle: $"{project.ProjectNumber} {Title}");
        foreach (var receipt in receipts)
        {
            writer
                .NewSection()
                .Title(Title)
                .Subtitle($"{project.Name}（项目编号：{project.ProjectNumber}）")
                .Line($"单位名称（盖章）：{receipt.Form.UnitName}")
                .Line($"填表时间：{FormText.Date(FormText.ChinaDate(receipt.SubmittedAt))}")
                .Table(Grid(receipt));
        }

        return writer.ToArray();
    }

    private static PdfTable Grid(EnrollmentReceipt receipt)
    {
        var form = receipt.Form;
        return new PdfTable(Columns) { FontSize = 11 }
            .AddRow(PdfCell.Label("姓　名"), PdfCell.Label(form.Name), PdfCell.Label("性别"), PdfCell.Label(form.Gender.ToChinese()), PdfCell.Label("民族"), PdfCell.Label(form.Ethnicity ?? string.Empty))
            .AddRow(Pair("政治面貌", form.PoliticalStatus, "职务", form.Position))
            .AddRow(Pair("职称", form.ProfessionalTitle, "职称证书\n编号", form.TitleCertificateNumber))
            .AddRow(Pair("固定电话", form.Landline, "手机", form.Mobile))
            .AddRow(Pair("QQ", form.QQ, "电子邮箱", form.Email))
            .AddRow(Wide("工作单位", form.WorkUnit))
            .AddRow(Wide("通讯地址", form.MailingAddress))
            .AddRow(Pair("邮编", form.Postcode, "联系人", form.UnitContact))
            .AddRow(Pair("联系电话", form.ContactPhone, "传真", form.Fax))
            .AddRow(Wide("身份证号", receipt.IdNumber.Masked))
            .AddRow(Wide("备注", form.Remarks, minHeight: 80));
    }

    private static PdfRow Pair(string leftLabel, string? leftValue, string rightLabel, string? rightValue) =>
        new(PdfCell.Label(leftLabel), new PdfCell(leftValue, 2), PdfCell.Label(rightLabel), new PdfCell(rightValue, 2));

    private static PdfRow Wide(string label, string? value, double minHeight = 0) =>
        new(PdfCell.Label(label), new PdfCell(value, 5)) { MinHeight = minHeight };
}
