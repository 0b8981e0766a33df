using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ResearchPortal.Web.Documents.Fonts;

namespace ResearchPortal.Web.Documents.Pdf;

/// <summary>One line of wrapped text with its measured width.</summary>
internal readonly record struct TextLine(string Text, double Width);

/// <summary>
/// Cached XFonts of the font chain at one size and weight, with each character's font and width found once per process:
/// wrapping a thousand rows then costs dictionary look-ups instead of MeasureString calls. A character goes to the first
/// font of the chain that has its glyph (WenQuanYi, then the fallbacks), so common text stays one run in one font.
/// </summary>
internal sealed class PdfFontFace
{
    private static readonly ConcurrentDictionary<(double Size, bool Bold), PdfFontFace> Faces = new();
    private static readonly Lock MeasureLock = new();
    private static XGraphics? _measureContext;

    private readonly ConcurrentDictionary<int, Glyph> _glyphs = new();
    private readonly IReadOnlyList<ChainedFont> _chain;
    private readonly XFont[] _fonts;
    private readonly double _baselineOffset;

    private PdfFontFace(double size, bool bold)
    {
        _chain = CjkFontResolver.Registered.Chain;
        var style = bold ? XFontStyleEx.Bold : XFontStyleEx.Regular;
        _fonts = [.. _chain.Select(f => new XFont(f.FamilyName, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode)))];
        LineHeight = Font.GetHeight();
        _baselineOffset = LineHeight * Font.CellAscent / Font.CellSpace;
    }

    /// <summary>The main face (WenQuanYi Micro Hei).</summary>
    public XFont Font => _fonts[0];

    public double LineHeight { get; }

    /// <summary>Requires the font resolver to be registered (<see cref="CjkFontResolver.EnsureRegistered"/>).</summary>
    public static PdfFontFace Get(double size, bool bold) => Faces.GetOrAdd((size, bold), key => new PdfFontFace(key.Size, key.Bold));

    /// <summary>
    /// Draws one line with its top at <paramref name="top"/>. Positions by baseline because PDFsharp's TopLeft format
    /// costs about twice as much per call, which dominates large tables.
    /// </summary>
    public void Draw(XGraphics graphics, string text, double x, double top)
    {
        var baseline = top + _baselineOffset;
        var runStart = 0;
        var runFont = 0;
        var runWidth = 0d;
        var i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
            var glyph = GlyphOf(rune);
            if (glyph.Font != runFont)
            {
                DrawRun(graphics, text, runStart, i, runFont, x, baseline);
                (runStart, runFont, x, runWidth) = (i, glyph.Font, x + runWidth, 0);
            }
            runWidth += glyph.Width;
            i += length;
        }
        DrawRun(graphics, text, runStart, text.Length, runFont, x, baseline);
    }

    private void DrawRun(XGraphics graphics, string text, int start, int end, int font, double x, double baseline)
    {
        if (end > start)
        {
            graphics.DrawString(start == 0 && end == text.Length ? text : text[start..end], _fonts[font], XBrushes.Black, x, baseline, XStringFormats.BaseLineLeft);
        }
    }

    public double Width(ReadOnlySpan<char> text)
    {
        var width = 0d;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Width(rune);
        }

        return width;
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="maxWidth"/>: at explicit newlines, between CJK characters,
    /// after spaces in Latin runs, and inside a word only when the word alone is wider than the line. Dates and numbers
    /// with their units stay on one line (<see cref="CjkText.UnbreakableSpans"/>) unless one alone is wider than the line.
    /// </summary>
    public void Wrap(string text, double maxWidth, double firstLineIndent, List<TextLine> lines)
    {
        var firstLineWidth = maxWidth - firstLineIndent;
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            WrapParagraph(paragraph, firstLineWidth, maxWidth, lines);
            firstLineWidth = maxWidth;
        }
    }

    private void WrapParagraph(string text, double firstLineWidth, double maxWidth, List<TextLine> lines)
    {
        var available = firstLineWidth;
        var lineStart = 0;
        var width = 0d;
        var breakAt = -1;
        var previous = default(Rune);
        var unbreakable = CjkText.UnbreakableSpans(text);
        var i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
            if (i > lineStart && CjkText.CanBreakBetween(previous, rune) && !CjkText.IsInside(unbreakable, i))
            {
                breakAt = i;
            }

            var runeWidth = Width(rune);
            if (width + runeWidth > available && i > lineStart)
            {
                var end = breakAt > lineStart ? breakAt : i;
                AddLine(text.AsSpan(lineStart, end - lineStart), lines);
                lineStart = end;
                while (lineStart < text.Length && text[lineStart] == ' ')
                {
                    lineStart++;
                }

                width = Width(text.AsSpan(lineStart, Math.Max(0, i - lineStart)));
                breakAt = -1;
                available = maxWidth;
                if (lineStart > i)
                {
                    i = lineStart;
                }

                continue;
            }
            width += runeWidth;
            previous = rune;
            i += length;
        }
        AddLine(text.AsSpan(lineStart), lines);
    }

    private void AddLine(ReadOnlySpan<char> text, List<TextLine> lines)
    {
        var trimmed = text.TrimEnd(' ');
        lines.Add(new TextLine(trimmed.ToString(), Width(trimmed)));
    }

    private double Width(Rune rune) => GlyphOf(rune).Width;

    private Glyph GlyphOf(Rune rune)
    {
        if (_glyphs.TryGetValue(rune.Value, out var glyph))
        {
            return glyph;
        }

        var font = FontIndexOf(rune.Value);
        double width;
        lock (MeasureLock)
        {
            _measureContext ??= XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
            width = _measureContext.MeasureString(rune.ToString(), _fonts[font]).Width;
        }
        return _glyphs.GetOrAdd(rune.Value, new Glyph(font, width));
    }

    /// <summary>The first font of the chain with a glyph for the character; the main face (drawing its blank box) when none has.</summary>
    private int FontIndexOf(int codePoint)
    {
        for (var i = 0; i < _chain.Count; i++)
        {
            if (_chain[i].Cmap.Contains(codePoint))
            {
                return i;
            }
        }
        return 0;
    }

    private readonly record struct Glyph(int Font, double Width);
}
