using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ResearchPortal.Web.Documents.Xlsx;

/// <summary>
/// Writes a workbook SAX-style, so memory stays flat however many rows: each worksheet goes through
/// OpenXmlWriter straight into a streaming zip entry (the SDK's package API would buffer whole parts in memory).
/// Layout of a sheet: title lines merged across the columns, a frozen header row, rows, then footer lines.
/// <see cref="AddSheet"/> finishes the current sheet and starts the next.
/// Column widths come from the header and the first <c>widthSampleRows</c> rows, which are held back until then
/// because the widths precede the data in the file.
/// </summary>
public sealed class XlsxSheetWriter : IDisposable
{
    private const double MinWidth = 6;
    private const double MaxWidth = 60;
    private const uint TitleStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint TextStyle = 3;
    private const uint NumberStyle = 4;
    private const uint FooterStyle = 5;

    private readonly ZipArchive archive;
    private readonly int widthSampleRows;
    private readonly List<string> sheetNames = [];
    private readonly List<string> titles = [];
    private readonly List<string?[]> heldRows = [];
    private readonly List<string> mergedRanges = [];
    private readonly List<OpenXmlAttribute> attributes = [];
    private IReadOnlyList<XlsxColumn> columns = [];
    private string[] columnNames = [];
    private Stream? sheetStream;
    private OpenXmlWriter? writer;
    private uint rowIndex;
    private bool footerStarted;

    public XlsxSheetWriter(Stream output, string sheetName, IReadOnlyList<XlsxColumn> columns, int widthSampleRows = 200)
    {
        this.widthSampleRows = widthSampleRows;
        archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        BeginSheet(sheetName, columns);
    }

    /// <summary>Finishes the current sheet and starts another after it, with its own titles, header and rows.</summary>
    public void AddSheet(string sheetName, IReadOnlyList<XlsxColumn> columns)
    {
        EndSheet();
        BeginSheet(sheetName, columns);
    }

    /// <summary>A line above the header, merged across all columns; only before the first row.</summary>
    public void AddTitle(string text)
    {
        if (writer is not null || heldRows.Count > 0)
            throw new InvalidOperationException("Titles come before the rows.");
        titles.Add(text);
    }

    /// <summary>One data row; values are matched to the columns by position, null or empty leaves the cell blank.</summary>
    public void AddRow(IReadOnlyList<string?> values)
    {
        if (footerStarted)
            throw new InvalidOperationException("Rows come before the footer lines.");
        if (writer is null)
        {
            heldRows.Add([.. values]);
            if (heldRows.Count >= widthSampleRows)
                StartSheet();
            return;
        }
        WriteDataRow(values);
    }

    /// <summary>A line below the rows, merged across all columns (e.g. "填表人：").</summary>
    public void AddFooter(string text)
    {
        if (writer is null)
            StartSheet();
        footerStarted = true;
        WriteMergedLine(text, FooterStyle);
    }

    /// <summary>Finishes the workbook; the output stream then holds the complete .xlsx file.</summary>
    public void Complete()
    {
        EndSheet();
        WritePackageParts();
        Dispose();
    }

    /// <summary>Releases the zip; without <see cref="Complete"/> the output is an unusable partial file.</summary>
    public void Dispose()
    {
        writer?.Dispose();
        sheetStream?.Dispose();
        archive.Dispose();
    }

    private void BeginSheet(string sheetName, IReadOnlyList<XlsxColumn> sheetColumns)
    {
        if (sheetColumns.Count == 0)
            throw new ArgumentException("At least one column is required.", nameof(sheetColumns));
        columns = sheetColumns;
        columnNames = [.. Enumerable.Range(1, sheetColumns.Count).Select(ColumnName)];
        titles.Clear();
        mergedRanges.Clear();
        rowIndex = 0;
        footerStarted = false;
        sheetNames.Add(SafeSheetName(sheetName));
    }

    private void EndSheet()
    {
        if (writer is null)
            StartSheet();
        var w = writer!;
        w.WriteEndElement(); // sheetData
        if (mergedRanges.Count > 0)
            w.WriteElement(new MergeCells(mergedRanges.Select(r => new MergeCell { Reference = r })));
        w.WriteEndElement(); // worksheet
        w.Close();
        w.Dispose();
        sheetStream!.Dispose();
        writer = null;
        sheetStream = null;
    }

    private static string SheetPath(int number) => $"xl/worksheets/sheet{number.ToString(CultureInfo.InvariantCulture)}.xml";

    private void StartSheet()
    {
        var headerRow = (uint)titles.Count + 1;
        sheetStream = archive.CreateEntry(SheetPath(sheetNames.Count), CompressionLevel.Fastest).Open();
        writer = OpenXmlWriter.Create(sheetStream);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = headerRow,
                TopLeftCell = $"A{headerRow + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(columns.Select((c, i) => new Column
        {
            Min = (uint)i + 1,
            Max = (uint)i + 1,
            Width = c.Width ?? FitWidth(i),
            CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());
        foreach (var title in titles)
            WriteMergedLine(title, TitleStyle);
        WriteRow(columns.Select(c => c.Header).ToArray(), _ => HeaderStyle, _ => XlsxCellKind.Text);
        foreach (var row in heldRows)
            WriteDataRow(row);
        heldRows.Clear();
    }

    private double FitWidth(int column)
    {
        var widest = heldRows.Select(r => column < r.Length ? r[column] : null)
            .Append(columns[column].Header)
            .Max(v => string.IsNullOrEmpty(v) ? 0 : CjkText.DisplayWidth(v));
        return Math.Clamp(widest + 2, MinWidth, MaxWidth);
    }

    private void WriteDataRow(IReadOnlyList<string?> values) =>
        WriteRow(values, i => columns[i].Kind == XlsxCellKind.Number ? NumberStyle : TextStyle, i => columns[i].Kind);

    private void WriteMergedLine(string text, uint style)
    {
        WriteRow([text], _ => style, _ => XlsxCellKind.Text);
        if (columns.Count > 1)
            mergedRanges.Add($"A{rowIndex}:{columnNames[^1]}{rowIndex}");
    }

    private void WriteRow(IReadOnlyList<string?> values, Func<int, uint> style, Func<int, XlsxCellKind> kind)
    {
        var w = writer!;
        rowIndex++;
        var rowNumber = rowIndex.ToString(CultureInfo.InvariantCulture);
        attributes.Clear();
        attributes.Add(new OpenXmlAttribute("r", string.Empty, rowNumber));
        w.WriteStartElement(new Row(), attributes);
        for (var i = 0; i < Math.Min(values.Count, columns.Count); i++)
        {
            var value = values[i];
            if (string.IsNullOrEmpty(value))
                continue;
            attributes.Clear();
            attributes.Add(new OpenXmlAttribute("r", string.Empty, columnNames[i] + rowNumber));
            attributes.Add(new OpenXmlAttribute("s", string.Empty, style(i).ToString(CultureInfo.InvariantCulture)));
            if (kind(i) == XlsxCellKind.Number && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                w.WriteStartElement(new Cell(), attributes);
                w.WriteElement(new CellValue(number.ToString("R", CultureInfo.InvariantCulture)));
            }
            else
            {
                attributes.Add(new OpenXmlAttribute("t", string.Empty, "inlineStr"));
                w.WriteStartElement(new Cell(), attributes);
                var text = new Text(XmlSafe(FormulaGuard.Neutralize(value)));
                if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
                    text.Space = SpaceProcessingModeValues.Preserve;
                w.WriteElement(new InlineString(text));
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>Drops control characters XML cannot carry (they would make the whole file unreadable).</summary>
    private static string XmlSafe(string value) =>
        value.Any(c => c < 0x20 && c is not '\t' and not '\n' and not '\r')
            ? new string([.. value.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r')])
            : value;

    private static string SafeSheetName(string name)
    {
        var cleaned = new string([.. name.Where(c => !"[]:*?/\\".Contains(c))]).Trim('\'');
        return cleaned.Length == 0 ? "Sheet1" : cleaned[..Math.Min(31, cleaned.Length)];
    }

    private static string ColumnName(int number)
    {
        var name = string.Empty;
        for (; number > 0; number = (number - 1) / 26)
            name = (char)('A' + (number - 1) % 26) + name;
        return name;
    }

    /// <summary>The parts that list the sheets, written once all sheets are known (a zip's entries may come in any order).</summary>
    private void WritePackageParts()
    {
        const string relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var numbers = Enumerable.Range(1, sheetNames.Count).ToList();
        var sheetTypes = string.Concat(numbers.Select(n =>
            $"<Override PartName=\"/{SheetPath(n)}\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
        var sheetRelationships = string.Concat(numbers.Select(n =>
            $"<Relationship Id=\"rId{n}\" Type=\"{relationships}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"));
        WriteEntry("[Content_Types].xml", $$"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            {{sheetTypes}}
            </Types>
            """);
        WriteEntry("_rels/.rels", $$"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="{{relationships}}/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>
            """);
        WriteEntry("xl/_rels/workbook.xml.rels", $$"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            {{sheetRelationships}}
            <Relationship Id="rIdStyles" Type="{{relationships}}/styles" Target="styles.xml"/>
            </Relationships>
            """);
        using (var workbook = archive.CreateEntry("xl/workbook.xml").Open())
            new Workbook(new Sheets(numbers.Select(n => new Sheet { Name = sheetNames[n - 1], SheetId = (uint)n, Id = $"rId{n}" }))).Save(workbook);
        using (var styles = archive.CreateEntry("xl/styles.xml").Open())
            CreateStylesheet().Save(styles);
    }

    private void WriteEntry(string path, string xml)
    {
        using var entry = archive.CreateEntry(path).Open();
        entry.Write(Encoding.UTF8.GetBytes(xml));
    }

    private static Stylesheet CreateStylesheet()
    {
        var border = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin },
            new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin },
            new BottomBorder { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        return new Stylesheet(
            new DocumentFormat.OpenXml.Spreadsheet.Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "宋体" })),
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(), border),
            new CellFormats(
                new CellFormat(),
                // Title: large bold, centred over the merged columns.
                new CellFormat { FontId = 2, ApplyFont = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center } },
                // Header: bold, bordered, centred.
                new CellFormat { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true } },
                // Text: number format "@" so Excel keeps edited ID numbers as text.
                new CellFormat { NumberFormatId = 49, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true },
                new CellFormat { BorderId = 1, ApplyBorder = true },
                new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true }));
    }
}
