using System.Text.RegularExpressions;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Documents.Pdf;
using UglyToad.PdfPig;

namespace ResearchPortal.Web.Tests.Documents;

public partial class PdfFormWriterTests
{
    private static readonly PdfFontOptions Fonts = new();

    [Fact]
    public void Label_value_grid_shows_Chinese_labels_and_values()
    {
        using var writer = new PdfFormWriter(Fonts);
        var grid = new PdfTable(2, 3, 2, 3)
            .AddRow(PdfCell.Label("项目名称"), new PdfCell("人工智能赋能智能制造高级研修班", 3))
            .AddRow(PdfCell.Label("办班地点"), "济南市历下区", PdfCell.Label("办班时间"), "2024年6月10日")
            .AddRow(new PdfRow(PdfCell.Label("备案意见"), new PdfCell("(继续教育部门盖章)\n年  月  日", 3) { Align = PdfAlign.Right }) { MinHeight = 100 });
        writer.Title("高级研修项目备案表").Line("填报时间：  年  月  日").Table(grid).Line("注：备案请附实施方案和开班通知。");

        using var pdf = PdfDocument.Open(writer.ToArray());

        var text = Compact(pdf.GetPage(1).Text);
        Assert.Equal(1, pdf.NumberOfPages);
        foreach (var expected in new[] { "高级研修项目备案表", "填报时间：年月日", "项目名称", "人工智能赋能智能制造高级研修班", "办班时间", "2024年6月10日", "(继续教育部门盖章)", "注：备案请附实施方案和开班通知。" })
        {
            Assert.Contains(expected, text);
        }

        Assert.DoesNotContain("共", text);
    }

    [Fact]
    public void Long_table_repeats_its_header_and_numbers_every_page()
    {
        using var writer = new PdfFormWriter(Fonts, new PdfPageSetup(PdfOrientation.Landscape));
        var table = new PdfTable(1, 2, 3, 2).AddHeader("序号", "姓名", "身份证号", "培训证书编号");
        for (var i = 1; i <= 500; i++)
        {
            table.AddRow($"R{i:0000}", "张三", "370102199001011234", $"SD-{i}");
        }

        writer.Title("学员名单").Table(table);

        var file = writer.ToArray();
        using var pdf = PdfDocument.Open(file);

        // The page footers are drawn onto finished pages: the file stays valid.
        Assert.Equal("", PdfTools.QpdfProblems(file));
        var pages = pdf.GetPages().ToList();
        var rowsPerPage = pages.Select(p => RowMarker().Matches(p.Text).Select(m => int.Parse(m.Groups[1].Value)).ToList()).ToList();
        Assert.Equal(Enumerable.Range(1, 500), rowsPerPage.SelectMany(r => r));
        // Every full page holds the same number of rows; the first loses some to the title.
        var fullPage = rowsPerPage[1].Count;
        Assert.All(rowsPerPage.Skip(1).SkipLast(1), rows => Assert.Equal(fullPage, rows.Count));
        Assert.Equal(1 + (int)Math.Ceiling((500.0 - rowsPerPage[0].Count) / fullPage), pages.Count);
        for (var n = 1; n <= pages.Count; n++)
        {
            var text = Compact(pages[n - 1].Text);
            Assert.Contains("序号姓名身份证号培训证书编号", text);
            Assert.Contains($"第{n}页共{pages.Count}页", text);
        }
    }

    [Fact]
    public void Long_text_wraps_inside_its_cell_and_the_margins()
    {
        var longText = string.Concat(Enumerable.Repeat("研修基本情况及取得的主要效果，", 30)) + " interoperability-of-digital-twins " + new string('X', 200);
        using var writer = new PdfFormWriter(Fonts);
        writer.Table(new PdfTable(1, 3).AddRow(PdfCell.Label("研修基本情况"), longText));

        using var pdf = PdfDocument.Open(writer.ToArray());

        var page = pdf.GetPage(1);
        var margin = new PdfPageSetup().MarginMillimetres * 72 / 25.4;
        var valueColumnLeft = margin + (page.Width - 2 * margin) / 4;
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        Assert.All(letters, l => Assert.InRange(l.BoundingBox.Left, margin, page.Width - margin));
        Assert.All(letters, l => Assert.InRange(l.BoundingBox.Right, margin, page.Width - margin));
        var valueLetters = letters.Where(l => l.BoundingBox.Left > valueColumnLeft).ToList();
        Assert.True(valueLetters.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count() > 10, "the long value should wrap over many lines");
        Assert.Contains("interoperability", Compact(page.Text));
        Assert.Equal(200, page.Letters.Count(l => l.Value == "X"));
    }

    [Fact]
    public void Row_taller_than_a_page_continues_on_the_next_page()
    {
        var report = string.Concat(Enumerable.Range(1, 400).Select(i => $"第{i:000}句研修效果说明。"));
        using var writer = new PdfFormWriter(Fonts);
        writer.Table(new PdfTable(1, 3)
            .AddRow(PdfCell.Label("项目编号"), "2024-GJYX-037")
            .AddRow(PdfCell.Label("研修基本情况及取得的主要效果"), report));

        using var pdf = PdfDocument.Open(writer.ToArray());

        Assert.True(pdf.NumberOfPages > 1);
        var text = string.Concat(pdf.GetPages().Select(p => Compact(p.Text)));
        Assert.Equal(Enumerable.Range(1, 400), SentenceMarker().Matches(text).Select(m => int.Parse(m.Groups[1].Value)));
    }

    [Fact]
    public void Sections_restart_numbering_and_single_pages_get_no_number()
    {
        using var writer = new PdfFormWriter(Fonts);
        for (var copy = 1; copy <= 3; copy++)
        {
            writer.NewSection().Title("执行情况验收表").Line($"第 {copy} 份");
        }

        using var pdf = PdfDocument.Open(writer.ToArray());

        Assert.Equal(3, pdf.NumberOfPages);
        Assert.All(pdf.GetPages(), p => Assert.DoesNotContain("共", p.Text));
    }

    [Fact]
    public void Qr_code_is_embedded_as_an_image()
    {
        using var writer = new PdfFormWriter(Fonts);
        writer.Title("结业证书").Line("证书编号：SD2024-037-0001").QrCode("https://portal.example.cn/verify?no=SD2024-037-0001", 90);

        using var pdf = PdfDocument.Open(writer.ToArray());

        var page = pdf.GetPage(1);
        Assert.Single(page.GetImages());
        Assert.Contains("SD2024-037-0001", Compact(page.Text));
    }

    [Fact]
    public void Dates_and_numbers_with_units_are_never_split_across_lines()
    {
        // Shifting the same sentence by one character at a time puts every break position of it at a line end once.
        const string sentence = "于2026年11月20日开班，共24 学时，学员30人，满分 100 分。";
        var table = new PdfTable(1, 2);
        for (var shift = 0; shift <= 16; shift++)
        {
            table.AddRow(new string('研', shift) + sentence, "");
        }

        using var writer = new PdfFormWriter(Fonts);
        writer.Table(table);

        var lines = PdfTools.PageLines(writer.ToArray()).SelectMany(page => page).ToList();

        Assert.True(lines.Count > 2 * 17, "each sentence should wrap in the narrow column");
        foreach (var whole in new[] { "2026年11月20日", "24学时", "30人", "100分" })
        {
            Assert.Equal(17, lines.Count(line => line.Contains(whole, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Heading_moves_to_the_next_page_with_its_first_lines()
    {
        var paragraph = string.Concat(Enumerable.Repeat("正文第一行的内容，", 20));
        // Start the heading at every height near the page foot, a few points apart.
        for (var space = 600; space <= 700; space += 3)
        {
            using var writer = new PdfFormWriter(Fonts);
            writer.Line("开头").Space(space).Text("一、项目概况", PdfTextStyle.Heading).Text("（一）基本情况", PdfTextStyle.Heading).Text(paragraph, PdfTextStyle.IndentedBody);

            using var pdf = PdfDocument.Open(writer.ToArray());

            var headingPage = pdf.GetPages().Single(p => Compact(p.Text).Contains("一、项目概况", StringComparison.Ordinal));
            var text = Compact(headingPage.Text);
            Assert.Contains("（一）基本情况", text);
            // Two lines of it, not one left alone under the headings.
            Assert.Contains(paragraph[..60], text);
        }
    }

    [Fact]
    public void Lines_kept_together_move_to_the_next_page_together()
    {
        for (var space = 600; space <= 700; space += 5)
        {
            using var writer = new PdfFormWriter(Fonts);
            writer.Line("开头").Space(space).KeptTogether("填表人：王老师", "工作单位、职务：山东农业大学、科长", "联系电话：0531-88888888");

            using var pdf = PdfDocument.Open(writer.ToArray());

            var page = Assert.Single(pdf.GetPages(), p => Compact(p.Text).Contains("填表人", StringComparison.Ordinal));
            Assert.Contains("工作单位、职务：山东农业大学、科长联系电话：0531-88888888", Compact(page.Text));
        }
    }

    [Fact]
    public void Header_in_the_middle_of_a_grid_repeats_until_the_grid_ends_it()
    {
        var table = new PdfTable(1, 3).AddRow(PdfCell.Label("项目名称"), "乡村振兴研修班").AddHeader("专家", "题目");
        for (var i = 1; i <= 60; i++)
        {
            table.AddRow($"R{i:0000}", "授课题目");
        }

        table.EndHeader().AddRow(new PdfRow(PdfCell.Label("备案意见"), "同意") { MinHeight = 600 });
        using var writer = new PdfFormWriter(Fonts);
        writer.Table(table);

        using var pdf = PdfDocument.Open(writer.ToArray());

        var pages = pdf.GetPages().Select(p => Compact(p.Text)).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages.Take(2), page => Assert.Contains("专家题目", page));
        Assert.Contains("R0060", pages[1]);
        // The opinion box, on a page of its own, has no expert header above it.
        Assert.StartsWith("备案意见同意", pages[2]);
    }

    [Fact]
    public void Watermark_leaves_the_text_of_the_content_as_it_was_and_adds_one_line_above_it()
    {
        byte[] Render(bool draft)
        {
            using var writer = new PdfFormWriter(Fonts);
            if (draft)
            {
                writer.Watermark("草稿");
            }

            writer.Title("高级研修项目备案表").Table(new PdfTable(1, 3).AddRow(PdfCell.Label("项目名称"), "乡村振兴研修班")).Line("注：备案请附实施方案和开班通知。");
            return writer.ToArray();
        }

        var draft = Render(draft: true);

        // The diagonal mark's glyphs are not in the text; its small copy in the top margin is, on a line of its own.
        Assert.Equal(["草稿", .. PdfTools.PageLines(Render(draft: false)).Single()], PdfTools.PageLines(draft).Single());
        Assert.Equal("", PdfTools.QpdfProblems(draft));
    }

    private static string Compact(string text) => Regex.Replace(text, @"\s+", "");

    [GeneratedRegex(@"R(\d{4})")]
    private static partial Regex RowMarker();

    [GeneratedRegex(@"第(\d{3})句")]
    private static partial Regex SentenceMarker();
}
