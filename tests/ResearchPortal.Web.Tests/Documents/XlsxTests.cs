using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ResearchPortal.Web.Documents.Xlsx;

namespace ResearchPortal.Web.Tests.Documents;

public class XlsxTests
{
    private const string IdNumber = "370102199001011234";
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly XlsxColumn[] Columns =
    [
        new("序号", XlsxCellKind.Number), new("姓名"), new("身份证号"), new("工作单位"), new("联系电话"), new("完成学时", XlsxCellKind.Number),
    ];

    [Fact]
    public async Task Written_sheet_reads_back_with_titles_header_rows_and_footers()
    {
        var file = WriteRoster(rows: 3);

        var result = await XlsxReader.ReadAsync(new MemoryStream(file));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(
            [
                "人工智能高级研修项目学员名单（项目编号：2024-GJYX-037）",
                "日期：2024 年 6 月 20 日",
                "序号|姓名|身份证号|工作单位|联系电话|完成学时",
                $"1|张三|{IdNumber}|山东省济南市历下区某某科技有限公司|13800138000|24.5",
                $"2|张三|{IdNumber}|山东省济南市历下区某某科技有限公司|13800138000|24.5",
                $"3|张三|{IdNumber}|山东省济南市历下区某某科技有限公司|13800138000|24.5",
                "填表人：赵六",
            ],
            result.Rows.Select(r => string.Join('|', r.Cells)));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], result.Rows.Select(r => r.Number));
    }

    [Fact]
    public void Id_and_phone_numbers_are_text_cells_and_hours_are_numbers()
    {
        var sheet = SheetXml(WriteRoster(rows: 2));

        var cells = sheet.Descendants(Main + "c").ToList();
        var idCells = cells.Where(c => c.Value == IdNumber).ToList();
        Assert.Equal(2, idCells.Count);
        Assert.All(idCells, c => Assert.Equal("inlineStr", (string?)c.Attribute("t")));
        Assert.All(cells.Where(c => c.Value == "13800138000"), c => Assert.Equal("inlineStr", (string?)c.Attribute("t")));
        Assert.DoesNotContain(sheet.Descendants(Main + "v"), v => v.Value == IdNumber);
        Assert.Contains(cells, c => c.Attribute("t") is null && c.Element(Main + "v")?.Value == "24.5");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点击\")")]
    [InlineData("+86 13800138000")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    public async Task Formula_leading_text_is_written_as_apostrophe_text_and_reads_back_unchanged(string text)
    {
        var output = new MemoryStream();
        using (var writer = new XlsxSheetWriter(output, "名单", [new XlsxColumn("工作单位")]))
        {
            writer.AddRow([text]);
            writer.Complete();
        }

        var cell = SheetXml(output.ToArray()).Descendants(Main + "c").Last(); // after the header cell
        Assert.Equal("inlineStr", (string?)cell.Attribute("t"));
        Assert.Equal("'" + text, cell.Value);
        var read = await XlsxReader.ReadAsync(new MemoryStream(output.ToArray()));
        Assert.Equal(text, read.Rows.Last().Cells.Single());
    }

    [Fact]
    public async Task Further_sheets_each_get_their_own_title_header_and_merged_lines()
    {
        var output = new MemoryStream();
        using (var writer = new XlsxSheetWriter(output, "项目状态", [new XlsxColumn("状态"), new XlsxColumn("项目数", XlsxCellKind.Number)]))
        {
            writer.AddTitle("第一张");
            writer.AddRow(["已结项", "3"]);
            writer.AddSheet("学员按职称", [new XlsxColumn("职称"), new XlsxColumn("录取", XlsxCellKind.Number), new XlsxColumn("合格", XlsxCellKind.Number)]);
            writer.AddTitle("第二张");
            writer.AddRow(["=农艺师", "4", "3"]);
            writer.AddFooter("说明");
            writer.Complete();
        }

        using (var printed = new PrintReadyWorkbook(output.ToArray()))
        {
            printed.AssertEverySheetPrintReady();
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(output.ToArray()), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["项目状态", "学员按职称"], sheets.Select(s => s.Name!.Value));
        var second = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet;
        Assert.Equal(
            ["第二张", "职称|录取|合格", "'=农艺师|4|3", "说明"],
            second.Descendants<Row>().Select(row => string.Join('|', row.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text))));
        Assert.Equal(["A1:C1", "A4:C4"], second.Descendants<MergeCell>().Select(m => m.Reference!.Value));
        var first = await XlsxReader.ReadAsync(new MemoryStream(output.ToArray()));
        Assert.Equal(["状态|项目数", "已结项|3"], first.Rows.Select(r => string.Join('|', r.Cells)).TakeLast(2));
    }

    [Fact]
    public void Header_row_is_frozen_titles_merged_and_widths_count_Chinese_as_two()
    {
        var sheet = SheetXml(WriteRoster(rows: 2));

        var pane = Assert.Single(sheet.Descendants(Main + "pane"));
        Assert.Equal("frozen", (string?)pane.Attribute("state"));
        Assert.Equal("A4", (string?)pane.Attribute("topLeftCell"));
        Assert.Equal(["A1:F1", "A2:F2", "A6:F6"], sheet.Descendants(Main + "mergeCell").Select(m => (string?)m.Attribute("ref")));
        var widths = sheet.Descendants(Main + "col").Select(c => (double)c.Attribute("width")!).ToList();
        Assert.Equal(IdNumber.Length + 2, widths[2]);
        Assert.Equal(XlsxSheetWriter.MaxWidth, widths[3]); // 17 Chinese characters would take 36
        Assert.Equal(2 * "完成学时".Length + 2, widths[5]);
    }

    [Fact]
    public void A_long_value_wraps_in_a_capped_column_instead_of_widening_the_sheet()
    {
        var output = new MemoryStream();
        using (var writer = new XlsxSheetWriter(output, "名单", [new XlsxColumn("姓名"), new XlsxColumn("工作单位"), new XlsxColumn("说明", Width: 80)]))
        {
            writer.AddRow(["张三", string.Concat(Enumerable.Repeat("山东省济南市历下区某某科技有限公司", 4)), "短"]);
            writer.AddRow(["李四", "济南市农业科学研究院", "短"]);
            writer.Complete();
        }

        using var workbook = new PrintReadyWorkbook(output.ToArray());
        Assert.Equal([6, XlsxSheetWriter.MaxWidth, XlsxSheetWriter.MaxWidth], workbook.Widths());
        Assert.True(workbook.WrapsText("B2"));
        workbook.AssertEverySheetPrintReady();

        // 136 columns of text in a 30-wide column: five lines, so the row is made high enough to show them.
        var rows = workbook.Worksheet(0).Descendants<Row>().ToList();
        Assert.True(rows[1].CustomHeight?.Value);
        Assert.InRange(rows[1].Height!.Value, 5 * 11 * 1.3, 6 * 11 * 1.5);
        Assert.Null(rows[2].Height);
    }

    [Fact]
    public void Every_sheet_prints_a4_landscape_one_page_wide_with_its_header_row_on_each_page()
    {
        using var workbook = new PrintReadyWorkbook(WriteRoster(rows: 3));

        workbook.AssertEverySheetPrintReady();
        Assert.Equal(3u, workbook.HeaderRow(0));
        Assert.Equal(HorizontalAlignmentValues.Center, workbook.AlignmentOf("A1"));
        Assert.Equal(HorizontalAlignmentValues.Left, workbook.AlignmentOf("A2"));
        Assert.Equal(HorizontalAlignmentValues.Left, workbook.AlignmentOf("A7"));
    }

    [Fact]
    public void A_title_longer_than_the_sheet_is_wide_gets_a_row_for_each_line_it_wraps_to()
    {
        var output = new MemoryStream();
        using (var writer = new XlsxSheetWriter(output, "名单", [new XlsxColumn("姓名"), new XlsxColumn("性别")]))
        {
            writer.AddTitle("短标题");
            writer.AddTitle(string.Concat(Enumerable.Repeat("高级研修项目", 4)));
            writer.Complete();
        }

        using var workbook = new PrintReadyWorkbook(output.ToArray());
        workbook.AssertEverySheetPrintReady();
        var heights = workbook.Worksheet(0).Descendants<Row>().Take(2).Select(r => r.Height!.Value).ToList();
        Assert.True(heights[1] > 2 * heights[0], $"{heights[0]} pt for one line, {heights[1]} pt for a title several times wider than the sheet.");
        Assert.True(workbook.WrapsText("A2"));
    }

    [Fact]
    public void Dates_are_serial_numbers_with_a_Chinese_date_format_and_blank_cells_keep_their_border()
    {
        var output = new MemoryStream();
        XlsxColumn[] columns = [new("姓名"), new("完成日期", XlsxCellKind.Date), new("提交时间", XlsxCellKind.DateTime), new("备注")];
        using (var writer = new XlsxSheetWriter(output, "名单", columns))
        {
            writer.AddRow(["张三", "2025-09-19", "2025-06-02 14:30", null]);
            writer.AddRow(["李四", "待定", string.Empty]);
            writer.Complete();
        }

        using var workbook = new PrintReadyWorkbook(output.ToArray());
        workbook.AssertEverySheetPrintReady();
        Assert.Equal(new DateTime(2025, 9, 19), workbook.DateOf("B2"));
        Assert.Equal(new DateTime(2025, 6, 2, 14, 30, 0), workbook.DateOf("C2"), TimeSpan.FromSeconds(1));
        Assert.Equal("yyyy\"年\"m\"月\"d\"日\"", workbook.NumberFormatOf("B2"));
        Assert.Equal("yyyy\"年\"m\"月\"d\"日\" hh:mm", workbook.NumberFormatOf("C2"));
        Assert.Equal(CellValues.InlineString, workbook.Cell("B3").DataType?.Value);
        Assert.Equal("待定", workbook.Cell("B3").InnerText);
        Assert.All(["D2", "C3", "D3"], blank =>
        {
            Assert.Null(workbook.Cell(blank).CellValue);
            Assert.True(workbook.IsBordered(workbook.Cell(blank)));
        });
    }

    [Fact]
    public async Task Shared_strings_from_other_tools_are_resolved()
    {
        var file = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text("姓名")), new SharedStringItem(new Run(new Text("张")), new Run(new Text("三"))));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") }) { RowIndex = 1 },
                new Row(new Cell { CellReference = "C3", DataType = CellValues.SharedString, CellValue = new CellValue("1") }) { RowIndex = 3 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }));
        }
        file.Position = 0;

        var result = await XlsxReader.ReadAsync(file);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([(1, "姓名"), (3, "||张三")], result.Rows.Select(r => (r.Number, string.Join('|', r.Cells))));
    }

    [Fact]
    public async Task Renamed_text_file_is_refused()
    {
        var result = await XlsxReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("姓名,身份证号\n张三,370102199001011234")));

        AssertRefused(result, XlsxReadError.NotXlsx, "不是 Excel 工作簿");
    }

    [Fact]
    public async Task Corrupt_zip_is_refused()
    {
        var file = WriteRoster(rows: 50);

        var result = await XlsxReader.ReadAsync(new MemoryStream(file[..(file.Length / 2)]));

        AssertRefused(result, XlsxReadError.Corrupt, "已损坏");
    }

    [Fact]
    public async Task Oversized_file_is_refused_before_it_is_opened()
    {
        var result = await XlsxReader.ReadAsync(new MemoryStream(WriteRoster(rows: 50)), new XlsxReadLimits { MaxFileBytes = 1024 });

        AssertRefused(result, XlsxReadError.FileTooLarge, "超过 0 MB");
    }

    [Fact]
    public async Task Zip_bomb_is_refused()
    {
        // 300 MB of zeros compress to about 300 KB.
        var result = await XlsxReader.ReadAsync(new MemoryStream(ZipOfZeros(300)));

        AssertRefused(result, XlsxReadError.ExpandsTooLarge, "解压后超过 100 MB");
    }

    [Fact]
    public async Task Entry_with_an_implausible_compression_ratio_is_refused_even_under_the_size_cap()
    {
        var result = await XlsxReader.ReadAsync(new MemoryStream(ZipOfZeros(20)));

        AssertRefused(result, XlsxReadError.ExpandsTooLarge, "压缩比异常");
    }

    [Fact]
    public async Task Too_many_rows_are_refused()
    {
        var result = await XlsxReader.ReadAsync(new MemoryStream(WriteRoster(rows: 20)), new XlsxReadLimits { MaxRows = 10 });

        AssertRefused(result, XlsxReadError.TooManyRows, "最多 10 行");
    }

    [Fact]
    public async Task Too_many_columns_are_refused()
    {
        var result = await XlsxReader.ReadAsync(new MemoryStream(WriteRoster(rows: 2)), new XlsxReadLimits { MaxColumns = 5 });

        AssertRefused(result, XlsxReadError.TooManyColumns, "最多 5 列");
    }

    [Fact]
    public async Task Zip_without_a_workbook_is_refused_as_not_xlsx()
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("学员名单.csv").Open());
            entry.Write("姓名,身份证号\n张三,370102199001011234");
        }

        var result = await XlsxReader.ReadAsync(new MemoryStream(output.ToArray()));

        AssertRefused(result, XlsxReadError.NotXlsx, "不是 Excel 工作簿");
    }

    [Fact]
    public async Task Sheet_whose_zip_header_understates_its_size_does_not_expand_beyond_it()
    {
        var file = WriteRoster(rows: 2000);
        UnderstateUncompressedSize(file, "xl/worksheets/sheet1.xml", bytes: 200);

        var result = await XlsxReader.ReadAsync(new MemoryStream(file));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Error, new XlsxReadError?[] { XlsxReadError.Corrupt, XlsxReadError.ExpandsTooLarge });
        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task Phonetic_runs_are_left_out_of_shared_strings()
    {
        var file = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text("张三"), new PhoneticRun(new Text("ちょうさん")) { BaseTextStartIndex = 0, EndingBaseIndex = 2 }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                        new Cell { CellReference = "B1", CellValue = new CellValue("3.70102199001011E+17") })
                { RowIndex = 1 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }));
        }
        file.Position = 0;

        var result = await XlsxReader.ReadAsync(file);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(["张三", "3.70102199001011E+17"], Assert.Single(result.Rows).Cells); // the import names the mangled number
    }

    private static void AssertRefused(XlsxReadResult result, XlsxReadError error, string message)
    {
        Assert.False(result.Succeeded);
        Assert.Equal(error, result.Error);
        Assert.Contains(message, result.Message);
        Assert.Empty(result.Rows);
    }

    private static byte[] WriteRoster(int rows)
    {
        var output = new MemoryStream();
        using (var writer = new XlsxSheetWriter(output, "学员名单", Columns))
        {
            writer.AddTitle("人工智能高级研修项目学员名单（项目编号：2024-GJYX-037）");
            writer.AddLine("日期：2024 年 6 月 20 日");
            for (var i = 1; i <= rows; i++)
            {
                writer.AddRow([i.ToString(), "张三", IdNumber, "山东省济南市历下区某某科技有限公司", "13800138000", "24.5"]);
            }

            writer.AddFooter("填表人：赵六");
            writer.Complete();
        }
        return output.ToArray();
    }

    private static XDocument SheetXml(byte[] file)
    {
        using var archive = new ZipArchive(new MemoryStream(file));
        using var sheet = archive.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        return XDocument.Load(sheet);
    }

    /// <summary>Rewrites an entry's uncompressed size in its local header and the central directory, as a zip bomb would.</summary>
    private static void UnderstateUncompressedSize(byte[] zip, string entryName, uint bytes)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            var (sizeAt, nameAt) = signature switch
            {
                0x04034b50 => (22, 30), // local file header
                0x02014b50 => (24, 46), // central directory header
                _ => (-1, -1),
            };
            if (sizeAt < 0 || !zip.AsSpan(i + nameAt).StartsWith(name))
            {
                continue;
            }

            if (signature == 0x02014b50 || BitConverter.ToUInt32(zip, i + sizeAt) != 0)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + sizeAt, 4), bytes);
            }

            patched++;
        }
        Assert.Equal(2, patched);
    }

    private static byte[] ZipOfZeros(int megabytes)
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                entry.Write(zeros);
            }
        }
        return output.ToArray();
    }
}
