using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ResearchPortal.Web.Documents.Xlsx;

/// <summary>
/// Writes a workbook SAX-style, so memory stays flat however many rows: each worksheet goes through
/// OpenXmlWriter straight into a streaming zip entry (the SDK's package API would buffer whole parts in memory).
/// Layout of a sheet: title lines (large, centred) and form lines (left-aligned, e.g. "日期："), each merged across the
/// columns; a frozen header row; the rows, every cell bordered; then footer lines (e.g. "填表人：").
/// Every sheet prints on A4 landscape, one page wide, with the header row repeated on each page and
/// "第 n 页，共 m 页" in the footer. <see cref="AddSheet"/> finishes the current sheet and starts the next.
/// Column widths come from the header and the first <c>widthSampleRows</c> rows, which are held back until then
/// because the widths precede the data in the file.
/// </summary>
public sealed class XlsxSheetWriter : IDisposable
{
    /// <summary>The widest a column gets, in characters (15 Chinese ones): longer values wrap.</summary>
    public const double MaxWidth = 30;

    /// <summary>Centre of the page footer: "第 1 页，共 3 页".</summary>
    public const string PageFooter = "&C第 &P 页，共 &N 页";

    private const double MinWidth = 6;
    private const double BodyFontSize = 11;
    private const double TitleFontSize = 16;

    /// <summary>Row height per line of text, in points per point of font size (宋体 11 pt rows are about 15 pt).</summary>
    private const double LineSpacing = 1.4;
    private const uint A4 = 9;
    private const uint TitleStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint TextStyle = 3;
    private const uint NumberStyle = 4;
    private const uint LineStyle = 5;
    private const uint DateStyle = 6;
    private const uint DateTimeStyle = 7;
    private const uint DateFormatId = 164;
    private const uint DateTimeFormatId = 165;
    private const string DateDisplay = "yyyy\"年\"m\"月\"d\"日\"";

    /// <summary>Day 0 of spreadsheet serial dates (1900 date system, as Excel counts past February 1900).</summary>
    private static readonly DateOnly SerialEpoch = new(1899, 12, 30);

    private readonly ZipArchive _archive;
    private readonly int _widthSampleRows;
    private readonly List<string> _sheetNames = [];
    private readonly List<uint> _headerRows = [];
    private readonly List<(string Text, uint Style)> _linesAboveHeader = [];
    private readonly List<string?[]> _heldRows = [];
    private readonly List<string> _mergedRanges = [];
    private readonly List<OpenXmlAttribute> _attributes = [];
    private IReadOnlyList<XlsxColumn> _columns = [];
    private string[] _columnNames = [];
    private uint[] _dataStyles = [];
    private double[] _widths = [];
    private Stream? _sheetStream;
    private OpenXmlWriter? _writer;
    private uint _rowIndex;
    private string _rowNumber = string.Empty;
    private (double Points, string Text) _rowHeight = (0, "0");
    private bool _footerStarted;

    public XlsxSheetWriter(Stream output, string sheetName, IReadOnlyList<XlsxColumn> columns, int widthSampleRows = 200)
    {
        _widthSampleRows = widthSampleRows;
        _archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        BeginSheet(sheetName, columns);
    }

    /// <summary>Finishes the current sheet and starts another after it, with its own titles, header and rows.</summary>
    public void AddSheet(string sheetName, IReadOnlyList<XlsxColumn> columns)
    {
        EndSheet();
        BeginSheet(sheetName, columns);
    }

    /// <summary>A title above the header: large, bold, centred over all columns; only before the first row.</summary>
    public void AddTitle(string text) => AddAboveHeader(text, TitleStyle);

    /// <summary>A form line above the header, left-aligned across all columns (e.g. "日期："); only before the first row.</summary>
    public void AddLine(string text) => AddAboveHeader(text, LineStyle);

    /// <summary>One data row; values are matched to the columns by position, null or empty leaves the cell blank.</summary>
    public void AddRow(IReadOnlyList<string?> values)
    {
        if (_footerStarted)
        {
            throw new InvalidOperationException("Rows come before the footer lines.");
        }

        if (_writer is null)
        {
            _heldRows.Add([.. values]);
            if (_heldRows.Count >= _widthSampleRows)
            {
                StartSheet();
            }

            return;
        }
        WriteDataRow(values);
    }

    /// <summary>A form line below the rows, left-aligned across all columns (e.g. "填表人：").</summary>
    public void AddFooter(string text)
    {
        if (_writer is null)
        {
            StartSheet();
        }

        _footerStarted = true;
        WriteMergedLine(text, LineStyle);
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
        _writer?.Dispose();
        _sheetStream?.Dispose();
        _archive.Dispose();
    }

    private void AddAboveHeader(string text, uint style)
    {
        if (_writer is not null || _heldRows.Count > 0)
        {
            throw new InvalidOperationException("Titles and lines above the header come before the rows.");
        }

        _linesAboveHeader.Add((text, style));
    }

    private void BeginSheet(string sheetName, IReadOnlyList<XlsxColumn> sheetColumns)
    {
        if (sheetColumns.Count == 0)
        {
            throw new ArgumentException("At least one column is required.", nameof(sheetColumns));
        }

        _columns = sheetColumns;
        _columnNames = [.. Enumerable.Range(1, sheetColumns.Count).Select(ColumnName)];
        _dataStyles = [.. sheetColumns.Select(c => DataStyle(c.Kind))];
        _linesAboveHeader.Clear();
        _mergedRanges.Clear();
        _rowIndex = 0;
        _footerStarted = false;
        _sheetNames.Add(SafeSheetName(sheetName));
    }

    private void EndSheet()
    {
        if (_writer is null)
        {
            StartSheet();
        }

        var w = _writer!;
        w.WriteEndElement(); // sheetData
        if (_mergedRanges.Count > 0)
        {
            w.WriteElement(new MergeCells(_mergedRanges.Select(r => new MergeCell { Reference = r })));
        }

        w.WriteElement(new PrintOptions { HorizontalCentered = true });
        w.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.7, Header = 0.3, Footer = 0.3 });
        w.WriteElement(new PageSetup
        {
            PaperSize = A4,
            Orientation = OrientationValues.Landscape,
            FitToWidth = 1,
            FitToHeight = 0, // as many pages down as the rows need
        });
        w.WriteElement(new HeaderFooter(new OddFooter(PageFooter)));
        w.WriteEndElement(); // worksheet
        w.Close();
        w.Dispose();
        _sheetStream!.Dispose();
        _writer = null;
        _sheetStream = null;
    }

    private static string SheetPath(int number) => $"xl/worksheets/sheet{number.ToString(CultureInfo.InvariantCulture)}.xml";

    private void StartSheet()
    {
        var headerRow = (uint)_linesAboveHeader.Count + 1;
        _headerRows.Add(headerRow);
        _widths = [.. _columns.Select((c, i) => Math.Clamp(c.Width ?? FitWidth(i), MinWidth, MaxWidth))];
        _sheetStream = _archive.CreateEntry(SheetPath(_sheetNames.Count), CompressionLevel.Fastest).Open();
        _writer = OpenXmlWriter.Create(_sheetStream);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        _writer.WriteElement(new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = headerRow,
                TopLeftCell = $"A{headerRow + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft })
        { WorkbookViewId = 0 }));
        _writer.WriteElement(new Columns(_widths.Select((width, i) => new Column
        {
            Min = (uint)i + 1,
            Max = (uint)i + 1,
            Width = width,
            CustomWidth = true,
        })));
        _writer.WriteStartElement(new SheetData());
        foreach (var (text, style) in _linesAboveHeader)
        {
            WriteMergedLine(text, style);
        }

        StartRow();
        for (var i = 0; i < _columns.Count; i++)
        {
            WriteCell(i, _columns[i].Header, XlsxCellKind.Text, HeaderStyle);
        }

        _writer.WriteEndElement();
        foreach (var row in _heldRows)
        {
            WriteDataRow(row);
        }

        _heldRows.Clear();
    }

    private double FitWidth(int column) => _columns[column].Kind switch
    {
        // Held values are ISO text; the cell shows the longer Chinese form.
        XlsxCellKind.Date => Widest(column, "2025年12月31日"),
        XlsxCellKind.DateTime => Widest(column, "2025年12月31日 23:59"),
        _ => Widest(column, _heldRows.Select(r => column < r.Length ? r[column] : null)),
    };

    private double Widest(int column, params IEnumerable<string?> values) =>
        values.Append(_columns[column].Header).Max(v => string.IsNullOrEmpty(v) ? 0 : CjkText.DisplayWidth(v)) + 2;

    private static uint DataStyle(XlsxCellKind kind) => kind switch
    {
        XlsxCellKind.Number => NumberStyle,
        XlsxCellKind.Date => DateStyle,
        XlsxCellKind.DateTime => DateTimeStyle,
        _ => TextStyle,
    };

    /// <summary>Every column gets a cell, blank ones too, so the printed grid has no holes.</summary>
    private void WriteDataRow(IReadOnlyList<string?> values)
    {
        StartRow(WrappedHeight(values));
        for (var i = 0; i < _columns.Count; i++)
        {
            WriteCell(i, i < values.Count ? values[i] : null, _columns[i].Kind, _dataStyles[i]);
        }

        _writer!.WriteEndElement();
    }

    /// <summary>The height of a row whose text wraps in a capped column, null when every value fits on one line.
    /// Spreadsheet programs do not reliably grow such rows when they open a file, and the wrapped text would
    /// then spill over the rows below.</summary>
    private double? WrappedHeight(IReadOnlyList<string?> values)
    {
        var lines = 1;
        for (var i = 0; i < Math.Min(values.Count, _columns.Count); i++)
        {
            if (_columns[i].Kind == XlsxCellKind.Text && values[i] is { } text)
            {
                lines = Math.Max(lines, LinesIn(text, _widths[i], BodyFontSize));
            }
        }
        return lines > 1 ? RowHeight(lines, BodyFontSize) : null;
    }

    /// <summary>A line merged across the columns, its row as high as its font and the lines it wraps to need
    /// (a spreadsheet does not grow merged rows by itself).</summary>
    private void WriteMergedLine(string text, uint style)
    {
        var fontSize = style == TitleStyle ? TitleFontSize : BodyFontSize;
        StartRow(RowHeight(LinesIn(text, _widths.Sum(), fontSize), fontSize));
        WriteCell(0, text, XlsxCellKind.Text, style);
        _writer!.WriteEndElement();
        if (_columns.Count > 1)
        {
            _mergedRanges.Add($"A{_rowIndex}:{_columnNames[^1]}{_rowIndex}");
        }
    }

    /// <summary>How many lines a text takes in a cell <paramref name="width"/> characters wide (one is padding).</summary>
    private static int LinesIn(string text, double width, double fontSize)
    {
        var scale = fontSize / BodyFontSize;
        var available = width - 1;
        int Lines(string line) => Math.Max(1, (int)Math.Ceiling(CjkText.DisplayWidth(line) * scale / available));
        if (text.Contains('\n'))
        {
            return text.Split('\n').Sum(Lines);
        }
        return text.Length * 2 * scale <= available
            ? 1 // cannot wrap, whatever its characters: spares measuring nearly every cell
            : Lines(text);
    }

    private static double RowHeight(int lines, double fontSize) => Math.Round(lines * fontSize * LineSpacing + 4, 1);

    private void StartRow(double? height = null)
    {
        _rowIndex++;
        _rowNumber = _rowIndex.ToString(CultureInfo.InvariantCulture);
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, _rowNumber));
        if (height is { } points)
        {
            if (points != _rowHeight.Points)
            {
                _rowHeight = (points, points.ToString(CultureInfo.InvariantCulture)); // wrapped rows mostly share a height
            }
            _attributes.Add(new OpenXmlAttribute("ht", string.Empty, _rowHeight.Text));
            _attributes.Add(new OpenXmlAttribute("customHeight", string.Empty, "1"));
        }
        _writer!.WriteStartElement(new Row(), _attributes);
    }

    private void WriteCell(int column, string? value, XlsxCellKind kind, uint style)
    {
        var w = _writer!;
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, _columnNames[column] + _rowNumber));
        _attributes.Add(new OpenXmlAttribute("s", string.Empty, style.ToString(CultureInfo.InvariantCulture)));
        if (string.IsNullOrEmpty(value))
        {
            w.WriteStartElement(new Cell(), _attributes);
        }
        else if (NumericValue(value, kind) is { } number)
        {
            w.WriteStartElement(new Cell(), _attributes);
            w.WriteElement(new CellValue(number.ToString("R", CultureInfo.InvariantCulture)));
        }
        else
        {
            _attributes.Add(new OpenXmlAttribute("t", string.Empty, "inlineStr"));
            w.WriteStartElement(new Cell(), _attributes);
            var text = new Text(XmlSafe(FormulaGuard.Neutralize(value)));
            if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            {
                text.Space = SpaceProcessingModeValues.Preserve;
            }

            w.WriteElement(new InlineString(text));
        }
        w.WriteEndElement();
    }

    /// <summary>The number a cell stores: the value itself, or a date's serial (days since <see cref="SerialEpoch"/>,
    /// the time of day as the fraction); null keeps it text.</summary>
    private static double? NumericValue(string value, XlsxCellKind kind)
    {
        var invariant = CultureInfo.InvariantCulture;
        return kind switch
        {
            XlsxCellKind.Number when double.TryParse(value, NumberStyles.Float, invariant, out var number) => number,
            XlsxCellKind.Date when DateOnly.TryParseExact(value, XlsxColumn.DateFormat, invariant, DateTimeStyles.None, out var date) =>
                date.DayNumber - SerialEpoch.DayNumber,
            XlsxCellKind.DateTime when DateTime.TryParseExact(value, XlsxColumn.DateTimeFormat, invariant, DateTimeStyles.None, out var time) =>
                time.ToOADate(),
            _ => null,
        };
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
        {
            name = (char)('A' + (number - 1) % 26) + name;
        }

        return name;
    }

    /// <summary>The parts that list the sheets, written once all sheets are known (a zip's entries may come in any order).</summary>
    private void WritePackageParts()
    {
        const string relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var numbers = Enumerable.Range(1, _sheetNames.Count).ToList();
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
        using (var workbook = _archive.CreateEntry("xl/workbook.xml").Open())
        {
            new Workbook(
                new Sheets(numbers.Select(n => new Sheet { Name = _sheetNames[n - 1], SheetId = (uint)n, Id = $"rId{n}" })),
                new DefinedNames(numbers.Select(n => PrintTitles(n - 1)))).Save(workbook);
        }
        using (var styles = _archive.CreateEntry("xl/styles.xml").Open())
        {
            CreateStylesheet().Save(styles);
        }
    }

    /// <summary>The header row, repeated at the top of every printed page.</summary>
    private DefinedName PrintTitles(int sheet)
    {
        var row = _headerRows[sheet].ToString(CultureInfo.InvariantCulture);
        return new DefinedName($"'{_sheetNames[sheet].Replace("'", "''", StringComparison.Ordinal)}'!${row}:${row}")
        {
            Name = "_xlnm.Print_Titles",
            LocalSheetId = (uint)sheet,
        };
    }

    private void WriteEntry(string path, string xml)
    {
        using var entry = _archive.CreateEntry(path).Open();
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
        Alignment Centred() => new() { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true };
        Alignment Middle(bool wrap) => new() { Vertical = VerticalAlignmentValues.Center, WrapText = wrap };
        CellFormat Bordered(uint numberFormat, Alignment alignment) => new()
        {
            NumberFormatId = numberFormat,
            BorderId = 1,
            ApplyNumberFormat = numberFormat != 0,
            ApplyBorder = true,
            ApplyAlignment = true,
            Alignment = alignment,
        };
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateDisplay },
                new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = DateDisplay + " hh:mm" }),
            new DocumentFormat.OpenXml.Spreadsheet.Fonts(
                new Font(new FontSize { Val = BodyFontSize }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = BodyFontSize }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = TitleFontSize }, new FontName { Val = "宋体" })),
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(), border),
            new CellFormats(
                new CellFormat(),
                // Title: large bold, centred over the merged columns.
                new CellFormat { FontId = 2, ApplyFont = true, ApplyAlignment = true, Alignment = Centred() },
                // Header: bold, bordered, centred.
                new CellFormat { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true, Alignment = Centred() },
                // Text: number format "@" so Excel keeps edited ID numbers as text; wraps where the column is capped.
                Bordered(49, Middle(wrap: true)),
                Bordered(0, Middle(wrap: false)),
                // Form line: left-aligned across the merged columns.
                new CellFormat
                {
                    NumberFormatId = 49,
                    ApplyNumberFormat = true,
                    ApplyAlignment = true,
                    Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Left, Vertical = VerticalAlignmentValues.Center, WrapText = true },
                },
                Bordered(DateFormatId, Middle(wrap: false)),
                Bordered(DateTimeFormatId, Middle(wrap: false))));
    }
}
