using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Rules;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Pdf;

namespace ResearchPortal.Web.Documents.Forms;

/// <summary>Annex 6, 高级研修项目执行情况验收表, once or 一式三份 (each copy its own section, marked with its 联).</summary>
public static class AcceptancePdf
{
    public const string Title = "山东省专业技术人才知识更新工程高级研修项目\n执行情况验收表";

    public const int MaxCopies = 3;

    /// <summary>Who keeps each copy: the host and applicant units one each (note 1 of the form), the third is filed.</summary>
    public static readonly IReadOnlyList<string> CopyMarks =
        ["第一联　承办单位留存", "第二联　申报单位留存", "第三联　报省人力资源社会保障厅备案"];

    private static readonly double[] Columns = [1.6, 2.4, 1.4, 2.6];

    /// <param name="copies">1, or 3 for 一式三份.</param>
    /// <exception cref="PdfFontMissingException">No Chinese font is available.</exception>
    public static byte[] Render(AcceptanceForm form, PlanProject project, int copies, PdfFontOptions fonts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(copies, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(copies, MaxCopies);
        var table = new PdfTable(Columns)
            .AddRow(PdfCell.Label("项目编号"), project.ProjectNumber, PdfCell.Label("项目名称"), project.Name)
            .AddRow(PdfCell.Label("负责人"), form.ResponsiblePerson, PdfCell.Label("联系电话"), form.Phone)
            .AddRow(new PdfRow(PdfCell.Label($"研修基本情况及取得的主要效果\n（{SeminarRules.AcceptanceSummaryMaxLength}字以内）"), new PdfCell(form.Summary, 3) { VerticalAlign = PdfVerticalAlign.Top })
            {
                MinHeight = 300,
            })
            .AddRow(ScoreBox("承办单位\n评估结果", form.HostScore))
            .AddRow(ScoreBox("申报单位\n验收意见", form.ApplicantScore));

        using var writer = new PdfFormWriter(fonts, documentTitle: $"{project.ProjectNumber} 执行情况验收表");
        for (var copy = 0; copy < copies; copy++)
        {
            writer.NewSection();
            if (copies > 1)
            {
                writer.Line(string.Empty, CopyMarks[copy]);
            }

            writer
                .Title(Title)
                .Table(table)
                .KeptTogether(
                    "注：1. 此表 A4 打印，一式三份，承办单位、申报单位各留一份。",
                    $"　　2. 评分满分为 {SeminarRules.MaxScore} 分，{SeminarRules.PassingScore} 分合格。");
        }

        return writer.ToArray();
    }

    private static PdfRow ScoreBox(string label, Score? score) =>
        FormText.StampedOpinion(
            PdfCell.Label(label), score is null ? "评分：" : $"评分：{score.Value}（{score.Verdict}）", 3, "(公章)", null, 90);
}
