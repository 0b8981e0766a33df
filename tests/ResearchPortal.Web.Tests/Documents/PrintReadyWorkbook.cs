using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ResearchPortal.Web.Documents.Xlsx;

namespace ResearchPortal.Web.Tests.Documents;

/// <summary>
/// Opens a workbook with the OpenXML SDK (a spreadsheet reader independent of the portal's writer and reader) and
/// checks what printing, filtering and sorting need: page setup, print titles, footer, row heights, borders, widths
/// and date cells.
/// </summary>
public sealed class PrintReadyWorkbook : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly CellFormat[] _formats;

    public PrintReadyWorkbook(byte[] file)
    {
        _document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false);
        _workbook = _document.WorkbookPart!;
        _formats = [.. _workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>()];
    }

    public IReadOnlyList<Sheet> Sheets => [.. _workbook.Workbook.Sheets!.Elements<Sheet>()];

    /// <summary>Every sheet: valid OpenXML, A4 landscape one page wide, header row repeated, page numbers in the footer,
    /// merged lines above the header high enough for their font, every table cell bordered, widths capped.</summary>
    public void AssertEverySheetPrintReady()
    {
        Assert.Empty(new OpenXmlValidator().Validate(_document).Select(error => $"{error.Path?.XPath}: {error.Description}"));
        for (var index = 0; index < Sheets.Count; index++)
        {
            var sheet = Worksheet(index);
            Assert.True(sheet.SheetProperties?.PageSetupProperties?.FitToPage?.Value);
            var setup = sheet.GetFirstChild<PageSetup>()!;
            Assert.Equal(OrientationValues.Landscape, setup.Orientation?.Value);
            Assert.Equal(9u, setup.PaperSize?.Value); // A4
            Assert.Equal(1u, setup.FitToWidth?.Value);
            Assert.Equal(0u, setup.FitToHeight?.Value);
            Assert.Equal("&C第 &P 页，共 &N 页", sheet.GetFirstChild<HeaderFooter>()?.OddFooter?.Text);

            var headerRow = HeaderRow(index);
            var printTitles = Assert.Single(
                _workbook.Workbook.DefinedNames!.Elements<DefinedName>(),
                name => name.Name == "_xlnm.Print_Titles" && name.LocalSheetId?.Value == (uint)index);
            Assert.Equal($"'{Sheets[index].Name}'!${headerRow}:${headerRow}", printTitles.Text);

            var rows = sheet.Descendants<Row>().ToList();
            foreach (var line in rows.Where(r => r.RowIndex! < headerRow))
            {
                var fontSize = FontSize(line.Elements<Cell>().First());
                Assert.True(line.CustomHeight?.Value);
                Assert.True(line.Height!.Value >= fontSize * 1.3, $"Row {line.RowIndex} is {line.Height} pt high for a {fontSize} pt font.");
            }

            var columnCount = sheet.Descendants<Column>().Count();
            var merged = sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToHashSet();
            foreach (var row in rows.Where(r => r.RowIndex! >= headerRow && !merged.Any(m => m.StartsWith($"A{r.RowIndex}:", StringComparison.Ordinal))))
            {
                var cells = row.Elements<Cell>().ToList();
                Assert.Equal(columnCount, cells.Count);
                Assert.All(cells, cell => Assert.True(IsBordered(cell), $"{cell.CellReference} has no border."));
            }

            Assert.All(sheet.Descendants<Column>(), column => Assert.InRange(column.Width!.Value, 1, XlsxSheetWriter.MaxWidth));
        }
    }

    /// <summary>The row the frozen pane sits under: the header.</summary>
    public uint HeaderRow(int sheet) => (uint)Worksheet(sheet).Descendants<Pane>().Single().VerticalSplit!.Value;

    public Cell Cell(string reference, int sheet = 0) =>
        Worksheet(sheet).Descendants<Cell>().Single(c => c.CellReference == reference);

    /// <summary>A date cell's value: a number (no text type) shown with a Chinese date format (年月日).</summary>
    public DateTime DateOf(string reference, int sheet = 0)
    {
        var cell = Cell(reference, sheet);
        Assert.Null(cell.DataType);
        var format = NumberFormatOf(reference, sheet);
        Assert.Contains("\"年\"", format ?? string.Empty);
        Assert.Contains("\"日\"", format);
        return DateTime.FromOADate(double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
    }

    public string? NumberFormatOf(string reference, int sheet = 0)
    {
        var formatId = _formats[(int)Cell(reference, sheet).StyleIndex!.Value].NumberFormatId!.Value;
        return _workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .SingleOrDefault(f => f.NumberFormatId!.Value == formatId)?.FormatCode?.Value;
    }

    public HorizontalAlignmentValues? AlignmentOf(string reference, int sheet = 0) =>
        _formats[(int)Cell(reference, sheet).StyleIndex!.Value].Alignment?.Horizontal?.Value;

    public bool WrapsText(string reference, int sheet = 0) =>
        _formats[(int)Cell(reference, sheet).StyleIndex!.Value].Alignment?.WrapText?.Value == true;

    public bool IsBordered(Cell cell)
    {
        var border = _workbook.WorkbookStylesPart!.Stylesheet.Borders!.Elements<Border>()
            .ElementAt((int)_formats[(int)(cell.StyleIndex?.Value ?? 0)].BorderId!.Value);
        return new BorderPropertiesType?[] { border.LeftBorder, border.RightBorder, border.TopBorder, border.BottomBorder }
            .All(side => side?.Style is { } style && style.Value != BorderStyleValues.None);
    }

    public IReadOnlyList<double> Widths(int sheet = 0) => [.. Worksheet(sheet).Descendants<Column>().Select(c => c.Width!.Value)];

    public Worksheet Worksheet(int sheet) => ((WorksheetPart)_workbook.GetPartById(Sheets[sheet].Id!)).Worksheet;

    public void Dispose() => _document.Dispose();

    private double FontSize(Cell cell)
    {
        var font = _workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>()
            .ElementAt((int)(_formats[(int)(cell.StyleIndex?.Value ?? 0)].FontId?.Value ?? 0));
        return font.FontSize!.Val!.Value;
    }
}
