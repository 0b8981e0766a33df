using System.Text.RegularExpressions;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Documents.Forms;
using static ResearchPortal.Web.Tests.Builders.TestData;
using static ResearchPortal.Web.Tests.Documents.Forms.FormSamples;

namespace ResearchPortal.Web.Tests.Documents.Forms;

/// <summary>
/// How the annex forms break over pages, read back from the PDF: repeated headers, unbroken dates, headings and the
/// 填表人 block kept with what belongs to them, the contact's position, the draft watermark, an empty roster.
/// The pages of the long, draft and empty forms go to artifacts/pdf-pages/ to look at.
/// </summary>
public partial class FormLayoutTests
{
    private const string ExpertHeader = "授课专家职称/职务授课题目学时数";

    [Fact]
    public void Filing_expert_table_continuing_on_page_2_starts_with_its_header_row()
    {
        var sessions = Enumerable.Range(1, 40).Select(i => new ExpertSession($"专家{i:D2}", "教授", $"专题{i:D2}：现代农业技术与乡村振兴实践", 1m)).ToList();
        var filing = SubmittedFiling(Project, Year, File(), File("举办通知.pdf"), sessions: sessions);

        var pdf = FilingPdf.Render(filing, Project, Host, showFullPhones: true, Fonts);

        var pages = PdfTools.PageLines(pdf);
        Assert.Equal(2, pages.Count);
        var firstExpertOnPage2 = pages[1].ToList().FindIndex(line => ExpertOnLine().IsMatch(line));
        Assert.True(firstExpertOnPage2 > 0, "page 2 should continue the expert list");
        Assert.Contains(ExpertHeader, pages[1].Take(firstExpertOnPage2));
        // Every expert once, in order; the header on page 1 too.
        Assert.Equal(
            Enumerable.Range(1, 40),
            pages.SelectMany(page => page).Select(line => ExpertOnLine().Match(line)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)));
        Assert.Contains(ExpertHeader, pages[0]);
        Assert.Equal("", PdfTools.QpdfProblems(pdf));
        PdfTools.RenderPages(pdf, "layout-filing-two-pages");
    }

    [Fact]
    public void Filing_period_breaks_between_its_dates_never_inside_one()
    {
        var filing = SubmittedFiling(Project, Year, File(), File("举办通知.pdf"));

        var lines = PdfTools.PageLines(FilingPdf.Render(filing, Project, Host, showFullPhones: true, Fonts)).Single();

        // The period is wider than its cell: it takes two lines, each date whole on one of them.
        Assert.Contains(lines, line => line.EndsWith("2025年9月15日至", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("2025年9月19日", StringComparison.Ordinal));
    }

    [Fact]
    public void Self_evaluation_headings_stand_on_the_page_of_their_first_line()
    {
        var headings = SelfEvaluationSections.Chapters
            .SelectMany(chapter => chapter.Items.Where(item => item.Number.Length > 0).Select(item => item.Number + item.Title).Prepend($"{chapter.Number}、{chapter.Title}"))
            .ToList();
        // Lengthening the first item moves every later heading down in steps of one line, over a whole page.
        for (var paragraphs = 20; paragraphs <= 64; paragraphs++)
        {
            var report = LongReport() with { BasicInformation = string.Join("\n", Enumerable.Repeat("研修班共开设 6 个专题，学员 30 人，每个专题 4 学时。", paragraphs)) };

            var pages = PageTexts(SelfEvaluationPdf.Render(report, Project, Fonts));

            Assert.True(pages.Count > 1);
            foreach (var page in pages)
            {
                var content = PageFooter().Replace(page, "");
                Assert.DoesNotContain(headings, heading => content.EndsWith(Compact(heading), StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Roster_signature_block_stays_on_one_page_whatever_the_roster_length()
    {
        // Around the length at which the table fills page 1.
        for (var size = 18; size <= 34; size++)
        {
            var pages = PageTexts(RosterPdf.Render(Project, Host, FormSamples.Filing, FormSamples.Roster(size), SeminarEnd, Fonts));

            var signed = Assert.Single(pages, page => page.Contains("填表人：", StringComparison.Ordinal));
            AssertContainsAll(signed, "填表人：王老师", $"工作单位、职务：{Host.Name}", "联系电话：0531-88888888");
        }
    }

    [Fact]
    public void Roster_prints_the_unit_and_the_position_of_the_filing_contact()
    {
        var filing = Domain.Filings.Filing.Start(Project.Id);
        Ok(filing.UpdateDetails(new FilingDetails(null, null, null, "王老师", "0531-88888888", null, null, []) { ContactPosition = "培训科科长" }));

        var text = Assert.Single(PageTexts(RosterPdf.Render(Project, Host, filing, FormSamples.Roster(3), SeminarEnd, Fonts)));

        AssertContainsAll(text, "填表人：王老师", $"工作单位、职务：{Host.Name}、培训科科长");
    }

    [Fact]
    public void Roster_without_trainees_says_so_in_its_table()
    {
        var pdf = RosterPdf.Render(Project, Host, FormSamples.Filing, [], SeminarEnd, Fonts);

        var text = Assert.Single(PageTexts(pdf));
        AssertContainsAll(text, "序号姓名性别身份证号工作单位职称联系电话完成学时是否通过结业考核培训证书编号" + RosterPdf.NoTrainees, "填表人：王老师");
        // On a line of its own: a row of the table, not text elsewhere.
        Assert.Contains(RosterPdf.NoTrainees, Assert.Single(PdfTools.PageLines(pdf)));
        PdfTools.RenderPages(pdf, "layout-roster-empty");
    }

    [Fact]
    public void Draft_filing_carries_the_draft_watermark_on_every_page_and_a_submitted_one_none()
    {
        var draft = CompleteDraftFiling(Project, File(), File("举办通知.pdf"));
        var submitted = SubmittedFiling(Project, Year, File(), File("举办通知.pdf"));

        var draftPdf = FilingPdf.Render(draft, Project, Host, showFullPhones: true, Fonts);
        var submittedPdf = FilingPdf.Render(submitted, Project, Host, showFullPhones: true, Fonts);

        var lines = Assert.Single(PdfTools.PageLines(draftPdf));
        // The mark heads the page's text on its own line; the diagonal copy's glyphs slip into no line of the form.
        Assert.Equal(FilingPdf.DraftMark, lines[0]);
        Assert.Equal(["山东省专业技术人员知识更新工程", "高级研修项目备案表", "填报时间：年月日"], lines.Skip(1).Take(3));
        Assert.DoesNotContain(lines.Skip(1), line => line.Contains('草') || line.Contains('稿'));
        Assert.DoesNotContain(FilingPdf.DraftMark, PdfTools.Text(submittedPdf));
        Assert.Equal("", PdfTools.QpdfProblems(draftPdf));
        PdfTools.RenderPages(draftPdf, "layout-filing-draft");
    }

    /// <summary>Every item two paragraphs long, so the report runs over several pages.</summary>
    private static SelfEvaluationReport LongReport()
    {
        static string Text(string sentence) => $"{sentence}{string.Concat(Enumerable.Repeat("各项工作按计划推进，成效明显。", 3))}\n{sentence}";

        var report = Report();
        return report with
        {
            PerformanceGoals = Text(report.PerformanceGoals!),
            OrganizationAnalysis = Text(report.OrganizationAnalysis!),
            ManagementAnalysis = Text(report.ManagementAnalysis!),
            PartyBuildingAnalysis = Text(report.PartyBuildingAnalysis!),
            GoalCompletionAnalysis = Text(report.GoalCompletionAnalysis!),
            FollowUpPlan = Text(report.FollowUpPlan!),
            ExperienceAndSuggestions = Text(report.ExperienceAndSuggestions!),
            EvaluationWork = Text(report.EvaluationWork!),
            MainOutcomes = Text(report.MainOutcomes!),
        };
    }

    [GeneratedRegex(@"^专家(\d{2})教授")]
    private static partial Regex ExpertOnLine();

    [GeneratedRegex(@"第\d+页共\d+页$")]
    private static partial Regex PageFooter();
}
