using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Pdf;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Documents.Forms;

/// <summary>Annex 2, 高级研修项目备案表, filled from a filing.</summary>
public static class FilingPdf
{
    public const string Title = "山东省专业技术人员知识更新工程\n高级研修项目备案表";

    /// <summary>Watermark of a filing not submitted (a draft, or returned and being revised): it is not the filed form.</summary>
    public const string DraftMark = "草稿";

    // Six grid columns let the label/value rows (2 + 4 columns) and the expert table (专家 | 职称/职务 | 题目 ×3 | 学时)
    // share one bordered table, as on the paper form.
    private static readonly double[] Columns = [2, 2.2, 1.4, 2, 2.4, 1.2];

    /// <param name="showFullPhones">False for viewers outside the host unit and the province: phones are masked.</param>
    /// <exception cref="PdfFontMissingException">No Chinese font is available.</exception>
    public static byte[] Render(Filing filing, PlanProject project, Organization host, bool showFullPhones, PdfFontOptions fonts)
    {
        string Phone(string? phone) => showFullPhones ? phone ?? string.Empty : Masking.Phone(phone);

        var table = new PdfTable(Columns)
            .AddRow(PdfCell.Label("项目名称"), new PdfCell(project.Name, 5))
            .AddRow(PdfCell.Label("项目编号"), new PdfCell(project.ProjectNumber, 5))
            .AddRow(PdfCell.Label("办班地点"), new PdfCell(filing.Venue, 2), PdfCell.Label("办班时间"), new PdfCell(FormText.Period(filing.Dates), 2))
            .AddRow(PdfCell.Label("承办单位"), new PdfCell(host.Name, 2), PdfCell.Label("联系人"), new PdfCell(filing.ContactPerson, 2))
            .AddRow(PdfCell.Label("办公电话"), new PdfCell(Phone(filing.OfficePhone), 2), PdfCell.Label("手　机"), new PdfCell(Phone(filing.Mobile), 2))
            .AddHeader(new PdfRow(PdfCell.Label("授课专家"), PdfCell.Label("职称/职务"), PdfCell.Label("授课题目", 3), PdfCell.Label("学时数")));
        foreach (var session in filing.ExpertSessions)
        {
            table.AddRow(
                PdfCell.Label(session.ExpertName),
                PdfCell.Label(session.TitleOrPosition),
                new PdfCell(session.Topic, 3),
                PdfCell.Label(FormText.Hours(session.Hours)));
        }

        var approved = filing.Status == FilingStatus.Approved;
        var opinion = approved ? filing.LastReviewComment ?? "同意备案。" : null;
        table
            .AddRow(PdfCell.Label("学时总计"), new PdfCell(null, 4), PdfCell.Label(FormText.Hours(filing.TotalHours)))
            .EndHeader()
            .AddRow(FormText.StampedOpinion(
                PdfCell.Label("备案\n意见"), opinion, 5, "(继续教育部门盖章)", approved ? FormText.ChinaDate(filing.ApprovedAt) : null, 110));

        using var writer = new PdfFormWriter(fonts, documentTitle: $"{project.ProjectNumber} 高级研修项目备案表");
        if (filing.IsEditable)
        {
            writer.Watermark(DraftMark);
        }

        writer
            .Title(Title)
            .Line($"填报时间：{FormText.Date(FormText.ChinaDate(filing.SubmittedAt))}")
            .Table(table)
            .Line("注：备案请附实施方案和开班通知。");
        return writer.ToArray();
    }
}
