using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ResearchPortal.Web.Documents.Fonts;

namespace ResearchPortal.Web.Documents.Pdf;

/// <summary>
/// Lays out A4 forms top to bottom: lines, paragraphs, bordered tables and QR codes, flowing onto new pages as needed.
/// Sections restart page numbering, so one file can hold several copies or one form per person;
/// a section longer than one page gets "第 N 页 共 M 页" in its footers. A heading (<see cref="PdfTextStyle.KeepWithNext"/>)
/// waits for what follows it and goes to the next page with its first lines rather than stand alone at a page foot.
/// </summary>
public sealed class PdfFormWriter : IDisposable
{
    private const double PointsPerMillimetre = 72 / 25.4;
    private const double CellPaddingX = 4;
    private const double CellPaddingY = 3;
    private const double SpaceAfterTable = 6;
    private const double FooterFontSize = 9;
    private static readonly XPen BorderPen = new(XColors.Black, 0.75);
    private static readonly XBrush WatermarkBrush = new XSolidBrush(XColor.FromArgb(0xD9, 0xD9, 0xD9));

    private readonly PdfDocument _document = new();
    private readonly double _margin;
    private readonly List<List<PdfPage>> _sections = [[]];
    private readonly double _pageWidth;
    private readonly double _pageHeight;
    private readonly List<TextBlock> _held = [];
    private XGraphics? _graphics;
    private double _y;
    private string? _watermark;

    /// <exception cref="PdfFontMissingException">No Chinese font is available.</exception>
    public PdfFormWriter(PdfFontOptions fontOptions, PdfPageSetup? setup = null, string? documentTitle = null)
    {
        CjkFontResolver.EnsureRegistered(fontOptions);
        setup ??= PdfPageSetup.Default;
        _margin = setup.MarginMillimetres * PointsPerMillimetre;
        var a4 = PageSizeConverter.ToSize(PageSize.A4);
        (_pageWidth, _pageHeight) = setup.Orientation == PdfOrientation.Landscape ? (a4.Height, a4.Width) : (a4.Width, a4.Height);
        PdfFileOutput.Prepare(_document);
        _document.Info.Creator = "ResearchPortal";
        if (documentTitle is not null)
        {
            _document.Info.Title = documentTitle;
        }
    }

    private double ContentWidth => _pageWidth - 2 * _margin;

    private double Bottom => _pageHeight - _margin;

    private XGraphics Graphics => _graphics ?? StartPage();

    public PdfFormWriter Title(string text) => Text(text, PdfTextStyle.Title);

    public PdfFormWriter Subtitle(string text) => Text(text, PdfTextStyle.Subtitle);

    /// <summary>A line of the form such as "填表时间：  年  月  日", optionally with a right-aligned part on the same line.</summary>
    public PdfFormWriter Line(string text, string? rightText = null, PdfTextStyle? style = null) =>
        Block(text, style ?? PdfTextStyle.Body, rightText);

    /// <summary>A paragraph wrapped to the text width; it continues on the next page when it runs over.</summary>
    public PdfFormWriter Text(string text, PdfTextStyle style) => Block(text, style, null);

    /// <summary>Lines set as one block, moved whole to the next page rather than split (a 填表人 / 日期 / 盖章 block).</summary>
    public PdfFormWriter KeptTogether(params string[] lines)
    {
        _held.AddRange(lines.Select(line => LayOut(line, PdfTextStyle.Body, null)));
        PlaceHeld(0);
        return this;
    }

    /// <summary>
    /// Prints <paramref name="text"/> across every page, diagonally in light grey beneath the content (草稿 on a draft),
    /// and small in the top margin. The content's text layer stays as it is without the mark, the margin copy aside.
    /// </summary>
    public PdfFormWriter Watermark(string text)
    {
        _watermark = text;
        return this;
    }

    public PdfFormWriter Paragraphs(IEnumerable<string> paragraphs, PdfTextStyle? style = null)
    {
        foreach (var paragraph in paragraphs)
        {
            Text(paragraph, style ?? PdfTextStyle.IndentedBody);
        }

        return this;
    }

    public PdfFormWriter Space(double points)
    {
        PlaceHeld(points);
        _y += points;
        return this;
    }

    /// <param name="asVector">Draw the modules as squares rather than embed an image (<see cref="PdfQrCode.DrawVector"/>).</param>
    public PdfFormWriter QrCode(string payload, double sizePoints, PdfAlign align = PdfAlign.Right, bool asVector = false)
    {
        PlaceHeld(sizePoints);
        EnsureSpace(sizePoints);
        var area = new XRect(AlignedX(_margin, ContentWidth, sizePoints, align), _y, sizePoints, sizePoints);
        if (asVector)
        {
            PdfQrCode.DrawVector(Graphics, payload, area);
        }
        else
        {
            PdfQrCode.Draw(Graphics, payload, area);
        }

        _y += sizePoints + PdfTextStyle.Body.SpaceAfter;
        return this;
    }

    /// <summary>Continues on a fresh page within the same section.</summary>
    public PdfFormWriter NewPage()
    {
        PlaceHeld(0);
        StartPage();
        return this;
    }

    /// <summary>Starts a separately numbered part on a fresh page (e.g. the next copy or the next person's form).</summary>
    public PdfFormWriter NewSection()
    {
        PlaceHeld(0);
        if (_sections[^1].Count > 0)
        {
            _sections.Add([]);
            _graphics?.Dispose();
            _graphics = null;
        }
        return this;
    }

    public PdfFormWriter Table(PdfTable table)
    {
        var layout = new TableLayout(table, _margin, ContentWidth);
        foreach (var band in table.Bands)
        {
            Band(layout, [.. band.Header.Select(layout.Layout)], band.Body);
        }

        _y += SpaceAfterTable;
        return this;
    }

    /// <summary>Draws body rows below their header, repeating the header on each page they continue on.</summary>
    private void Band(TableLayout layout, List<LaidOutRow> header, List<PdfRow> body)
    {
        var headerHeight = header.Sum(r => r.Height);
        var freshPageCapacity = Bottom - _margin - headerHeight;
        var bodyTop = 0d;

        void DrawHeader()
        {
            foreach (var row in header)
            {
                DrawRow(layout, row, 0, row.LineCount, row.Height);
            }

            bodyTop = _y;
        }

        void ContinueOnNewPage()
        {
            StartPage();
            DrawHeader();
        }

        // Keep the header together with the first row rather than alone at the foot of a page.
        var firstRowHeight = body.Count > 0 ? layout.Layout(body[0]).Height : 0;
        var start = headerHeight + Math.Min(firstRowHeight, freshPageCapacity);
        PlaceHeld(start);
        EnsureSpace(start);
        DrawHeader();
        foreach (var row in body.Select(layout.Layout))
        {
            var firstLine = 0;
            while (true)
            {
                var remaining = Math.Max(0, row.LineCount - firstLine);
                var height = Math.Max(firstLine == 0 ? row.MinHeight : 0, layout.TextHeight(remaining));
                if (_y + height <= Bottom)
                {
                    DrawRow(layout, row, firstLine, remaining, height);
                    break;
                }
                var onFreshPage = _y <= bodyTop;
                var fittingLines = (int)((Bottom - _y - 2 * CellPaddingY) / layout.LineHeight);
                if ((height <= freshPageCapacity && !onFreshPage) || fittingLines < 1)
                {
                    if (onFreshPage)
                    {
                        throw new InvalidOperationException("The table header leaves no room for its rows.");
                    }

                    ContinueOnNewPage();
                    continue;
                }
                // Taller than a whole page: fill this page and carry the remaining lines over.
                DrawRow(layout, row, firstLine, fittingLines, Bottom - _y);
                firstLine += fittingLines;
                ContinueOnNewPage();
            }
        }
    }

    /// <summary>Finishes the document: numbers the pages of multi-page sections and returns the PDF file.</summary>
    public byte[] ToArray()
    {
        PlaceHeld(0);
        _graphics?.Dispose();
        _graphics = null;
        if (_document.PageCount == 0)
        {
            throw new InvalidOperationException("The document has no content.");
        }

        var footer = PdfFontFace.Get(FooterFontSize, bold: false);
        foreach (var pages in _sections.Where(s => s.Count > 1))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                using var g = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
                var area = new XRect(0, _pageHeight - _margin, _pageWidth, _margin / 2);
                g.DrawString($"第 {i + 1} 页 共 {pages.Count} 页", footer.Font, XBrushes.Black, area, XStringFormats.Center);
            }
        }
        if (_watermark is not null)
        {
            foreach (var page in _document.Pages)
            {
                DrawWatermark(page, _watermark);
            }
        }
        return PdfFileOutput.Save(_document);
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }

    private PdfFormWriter Block(string text, PdfTextStyle style, string? rightText)
    {
        var block = LayOut(text, style, rightText);
        if (style.KeepWithNext)
        {
            _held.Add(block);
            return this;
        }
        PlaceHeld(block.FirstLinesHeight);
        Draw(block);
        return this;
    }

    private TextBlock LayOut(string text, PdfTextStyle style, string? rightText)
    {
        var face = PdfFontFace.Get(style.FontSize, style.Bold);
        var rightWidth = rightText is null ? 0 : face.Width(rightText) + style.FontSize;
        var lines = new List<TextLine>();
        face.Wrap(text, ContentWidth - rightWidth, style.FirstLineIndentChars * style.FontSize, lines);
        return new TextBlock(style, face, lines, rightText, rightWidth);
    }

    /// <summary>
    /// Draws the held headings (and kept-together lines), first moving to a new page unless they fit on this one
    /// together with <paramref name="following"/> points of what comes after them.
    /// </summary>
    private void PlaceHeld(double following)
    {
        if (_held.Count == 0)
        {
            return;
        }

        EnsureSpace(_held.Sum(block => block.Height) + following);
        foreach (var block in _held)
        {
            Draw(block);
        }

        _held.Clear();
    }

    private void Draw(TextBlock block)
    {
        var (style, face, lines) = (block.Style, block.Face, block.Lines);
        var indent = style.FirstLineIndentChars * style.FontSize;
        var leading = (block.LineHeight - face.LineHeight) / 2;
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(block.LineHeight);
            var lineIndent = i == 0 ? indent : 0;
            var x = AlignedX(_margin + lineIndent, ContentWidth - block.RightWidth - lineIndent, lines[i].Width, style.Align);
            face.Draw(Graphics, lines[i].Text, x, _y + leading);
            if (i == 0 && block.RightText is not null)
            {
                face.Draw(Graphics, block.RightText, _pageWidth - _margin - face.Width(block.RightText), _y + leading);
            }

            _y += block.LineHeight;
        }
        _y += style.SpaceAfter;
    }

    /// <summary>
    /// The mark centred on the page along its rising diagonal, beneath the content, and once more in small type in the
    /// top margin. The large one is wrapped in marked content with an empty ActualText, so text extraction (copy,
    /// search, screen readers, pdftotext) skips its glyphs instead of slotting them into the content's lines; the
    /// small one is the mark's place in the text.
    /// </summary>
    private void DrawWatermark(PdfPage page, string text)
    {
        using (var under = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Prepend))
        {
            var face = PdfFontFace.Get(Math.Min(_pageWidth, _pageHeight) / 4, bold: true);
            under.TranslateTransform(_pageWidth / 2, _pageHeight / 2);
            under.RotateTransform(-Math.Atan2(_pageHeight, _pageWidth) * 180 / Math.PI);
            under.DrawString(text, face.Font, WatermarkBrush, new XPoint(0, 0), XStringFormats.Center);
        }
        var prepended = page.Contents.Elements.GetDictionary(0)!.Stream;
        prepended.Value = [.. "/Span <</ActualText ()>> BDC\n"u8, .. prepended.Value, .. "\nEMC\n"u8];

        using var over = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        var label = PdfFontFace.Get(FooterFontSize, bold: true);
        over.DrawString(text, label.Font, XBrushes.Black, new XRect(_margin, _margin / 4, ContentWidth, _margin / 2), XStringFormats.CenterRight);
    }

    private void DrawRow(TableLayout layout, LaidOutRow row, int firstLine, int lineCount, double height)
    {
        var g = Graphics;
        var isLastPart = firstLine + lineCount >= row.LineCount;
        foreach (var cell in row.Cells)
        {
            g.DrawRectangle(BorderPen, cell.X, _y, cell.Width, height);
            if (isLastPart)
            {
                DrawSignOff(layout, cell, _y + height);
            }

            var shown = Math.Clamp(cell.Lines.Count - firstLine, 0, lineCount);
            if (shown == 0)
            {
                continue;
            }

            var textHeight = shown * layout.LineHeight;
            // Text above a sign-off starts at the top, leaving the foot of the cell to the stamp and date.
            var top = cell.SignOffLines.Count > 0 ? _y + CellPaddingY : cell.Cell.VerticalAlign switch
            {
                PdfVerticalAlign.Top => _y + CellPaddingY,
                PdfVerticalAlign.Bottom => _y + height - CellPaddingY - textHeight,
                _ => _y + (height - textHeight) / 2,
            };
            for (var k = 0; k < shown; k++)
            {
                var line = cell.Lines[firstLine + k];
                var x = AlignedX(cell.X + CellPaddingX, cell.Width - 2 * CellPaddingX, line.Width, cell.Cell.Align);
                cell.Face.Draw(g, line.Text, x, top + k * layout.LineHeight);
            }
        }
        _y += height;
    }

    private void DrawSignOff(TableLayout layout, LaidOutCell cell, double cellBottom)
    {
        var top = cellBottom - CellPaddingY - cell.SignOffLines.Count * layout.LineHeight;
        foreach (var line in cell.SignOffLines)
        {
            cell.Face.Draw(Graphics, line.Text, cell.X + cell.Width - CellPaddingX - line.Width, top);
            top += layout.LineHeight;
        }
    }

    private static double AlignedX(double left, double width, double contentWidth, PdfAlign align) => align switch
    {
        PdfAlign.Center => left + (width - contentWidth) / 2,
        PdfAlign.Right => left + width - contentWidth,
        _ => left,
    };

    private void EnsureSpace(double height)
    {
        if (_graphics is null || (_y + height > Bottom && _y > _margin))
        {
            StartPage();
        }
    }

    private XGraphics StartPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(_pageWidth);
        page.Height = XUnit.FromPoint(_pageHeight);
        _sections[^1].Add(page);
        _y = _margin;
        _graphics = XGraphics.FromPdfPage(page);
        return _graphics;
    }

    /// <summary>A line or paragraph wrapped to the text width, not yet placed on a page.</summary>
    private sealed record TextBlock(PdfTextStyle Style, PdfFontFace Face, List<TextLine> Lines, string? RightText, double RightWidth)
    {
        public double LineHeight => Face.LineHeight * Style.LineSpacing;

        public double Height => Lines.Count * LineHeight + Style.SpaceAfter;

        /// <summary>The first two lines, so a heading above a paragraph never leaves one line of it behind.</summary>
        public double FirstLinesHeight => Math.Min(2, Lines.Count) * LineHeight;
    }

    private sealed record LaidOutCell(PdfCell Cell, PdfFontFace Face, double X, double Width, List<TextLine> Lines, List<TextLine> SignOffLines);

    private sealed record LaidOutRow(IReadOnlyList<LaidOutCell> Cells, int LineCount, double MinHeight, double Height);

    /// <summary>Column positions and text wrapping of one table.</summary>
    private sealed class TableLayout
    {
        private readonly double[] _columnX;
        private readonly PdfFontFace _regular;
        private readonly PdfFontFace _bold;

        public TableLayout(PdfTable table, double left, double width)
        {
            _regular = PdfFontFace.Get(table.FontSize, bold: false);
            _bold = PdfFontFace.Get(table.FontSize, bold: true);
            var total = table.ColumnWeights.Sum();
            _columnX = new double[table.ColumnWeights.Count + 1];
            _columnX[0] = left;
            for (var i = 0; i < table.ColumnWeights.Count; i++)
            {
                _columnX[i + 1] = _columnX[i] + width * table.ColumnWeights[i] / total;
            }
        }

        public double LineHeight => _regular.LineHeight;

        public double TextHeight(int lines) => lines * LineHeight + 2 * CellPaddingY;

        public LaidOutRow Layout(PdfRow row)
        {
            var cells = new LaidOutCell[row.Cells.Count];
            var column = 0;
            var lineCount = 1;
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = row.Cells[i];
                var face = cell.Bold ? _bold : _regular;
                var x = _columnX[column];
                var width = _columnX[column + cell.ColSpan] - x;
                var lines = new List<TextLine>();
                if (!string.IsNullOrEmpty(cell.Text))
                {
                    face.Wrap(cell.Text, width - 2 * CellPaddingX, 0, lines);
                }

                var signOffLines = new List<TextLine>();
                if (!string.IsNullOrEmpty(cell.SignOff))
                {
                    face.Wrap(cell.SignOff, width - 2 * CellPaddingX, 0, signOffLines);
                }

                cells[i] = new LaidOutCell(cell, face, x, width, lines, signOffLines);
                // A blank line keeps the sign-off clear of the text above it.
                var signOffLineCount = signOffLines.Count == 0 ? 0 : signOffLines.Count + 1;
                lineCount = Math.Max(lineCount, lines.Count + signOffLineCount);
                column += cell.ColSpan;
            }
            return new LaidOutRow(cells, lineCount, row.MinHeight, Math.Max(row.MinHeight, TextHeight(lineCount)));
        }
    }
}
