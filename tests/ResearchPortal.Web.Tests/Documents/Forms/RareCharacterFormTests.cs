using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Documents.Forms;
using static ResearchPortal.Web.Tests.Builders.TestData;
using static ResearchPortal.Web.Tests.Documents.Forms.FormSamples;

namespace ResearchPortal.Web.Tests.Documents.Forms;

/// <summary>
/// Every form with names from CJK Extension A (刘䶮, U+4DAE), Extension B (𠮷田花子, U+20BB7) and Extension C (张𪜶, U+2A736),
/// which WenQuanYi lacks: poppler reads them back exactly, the fallback fonts are embedded as subsets (HanaMinA has 䶮 and 𠮷,
/// only HanaMinB has 𪜶), and qpdf finds the file clean.
/// Every page of each goes to artifacts/pdf-pages/ to look at.
/// </summary>
public class RareCharacterFormTests
{
    private const string ExtensionAName = "刘䶮";
    private const string ExtensionBName = "𠮷田花子";
    private const string ExtensionCName = "张𪜶";

    public static TheoryData<string> Forms => ["filing", "receipts", "roster", "self-evaluation", "acceptance", "certificates"];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Rare_names_print_in_the_fallback_fonts_and_read_back_exactly(string form)
    {
        var pdf = Render(form);

        var text = PdfTools.Text(pdf);
        Assert.Contains(ExtensionAName, text);
        Assert.Contains(ExtensionBName, text);
        Assert.Contains(ExtensionCName, text);
        Assert.Equal(["WenQuanYi Micro Hei", "HanaMinA Regular", "HanaMinB Regular"], PdfTools.EmbeddedSubsetFonts(pdf).Order(MainFaceFirst));
        Assert.Equal("", PdfTools.QpdfProblems(pdf));
        var pages = PdfTools.RenderPages(pdf, form);
        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.True(new FileInfo(page).Length > 0));
    }

    [Fact]
    public void Common_text_uses_the_main_face_only()
    {
        var pdf = ReceiptPdf.Render(Receipt(Filing, IdNumber(1), "刘学员"), Project, Fonts);

        Assert.Equal(["WenQuanYi Micro Hei"], PdfTools.EmbeddedSubsetFonts(pdf));
        Assert.Equal("", PdfTools.QpdfProblems(pdf));
    }

    private static byte[] Render(string form)
    {
        var roster = Roster(3, names: [ExtensionAName, ExtensionBName, ExtensionCName]);
        return form switch
        {
            "filing" => FilingPdf.Render(RareNameFiling(), Project, Host, showFullPhones: true, Fonts),
            "receipts" => ReceiptPdf.Render(
                [Receipt(Filing, IdNumber(1), ExtensionAName), Receipt(Filing, IdNumber(2), ExtensionBName), Receipt(Filing, IdNumber(3), ExtensionCName)],
                Project, Fonts),
            "roster" => RosterPdf.Render(Project, Host, Filing, roster, SeminarEnd, Fonts),
            "self-evaluation" => SelfEvaluationPdf.Render(
                Report() with { BasicInformation = $"项目负责人{ExtensionAName}，授课专家{ExtensionBName}、{ExtensionCName}。" }, Project, Fonts),
            "acceptance" => AcceptancePdf.Render(
                CompleteCloseOut(Project.Id, ExtensionAName, $"{ExtensionBName}、{ExtensionCName}等专家授课，研修按计划完成。").Acceptance, Project, copies: 1, Fonts),
            "certificates" => CertificatePdf.Render([.. roster.Select(Certificate)], BaseUrl, Fonts),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
        };
    }

    private static Domain.Filings.Filing RareNameFiling() => SubmittedFiling(
        Project, Year, File(), File("举办通知.pdf"), contact: ExtensionAName,
        sessions: [new Domain.Filings.ExpertSession(ExtensionBName, "教授", "现代农业技术", 12m), new Domain.Filings.ExpertSession(ExtensionCName, "研究员", "乡村治理实践", 12m)]);

    private static readonly Comparer<string> MainFaceFirst = Comparer<string>.Create((a, b) =>
        (a.StartsWith("WenQuanYi", StringComparison.Ordinal), b.StartsWith("WenQuanYi", StringComparison.Ordinal)) switch
        {
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(a, b),
        });
}
