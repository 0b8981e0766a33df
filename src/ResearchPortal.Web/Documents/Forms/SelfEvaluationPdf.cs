using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Pdf;

namespace ResearchPortal.Web.Documents.Forms;

/// <summary>
/// Annex 5, 绩效评价自评报告: the template's chapters (一、二、三、五、六、七 — it has no 四) and item titles from
/// <see cref="SelfEvaluationSections"/>, each followed by the organizer's text. The template's guidance is advice to
/// the writer, not part of the finished report, so it is left out.
/// </summary>
public static class SelfEvaluationPdf
{
    public const string Title = "绩效评价自评报告";

    /// <summary>Printed for an optional item left empty, so no heading stands alone.</summary>
    public const string NothingToReport = "无。";

    /// <exception cref="PdfFontMissingException">No Chinese font is available.</exception>
    public static byte[] Render(SelfEvaluationReport report, PlanProject project, PdfFontOptions fonts)
    {
        using var writer = new PdfFormWriter(fonts, documentTitle: $"{project.ProjectNumber} {Title}");
        writer.Title(Title).Subtitle($"（{project.Name}，{project.ProjectNumber}）");
        foreach (var chapter in SelfEvaluationSections.Chapters)
        {
            writer.Text($"{chapter.Number}、{chapter.Title}", PdfTextStyle.Heading with { FontSize = 14 });
            foreach (var item in chapter.Items)
            {
                // Chapters filled as a whole (六, 七) carry their one item under the chapter heading.
                if (item.Number.Length > 0)
                {
                    writer.Text($"{item.Number}{item.Title}", PdfTextStyle.Heading);
                }

                writer.Paragraphs(Paragraphs(item.ValueIn(report)));
            }
        }

        return writer.ToArray();
    }

    private static IEnumerable<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? [NothingToReport]
            : text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
