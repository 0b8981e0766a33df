namespace ResearchPortal.Web.Documents.Pdf;

public enum PdfAlign { Left, Center, Right }

public enum PdfVerticalAlign { Top, Middle, Bottom }

/// <summary>A table cell; text wraps inside it, "\n" forces a line break.</summary>
public sealed record PdfCell(string? Text, int ColSpan = 1)
{
    public PdfAlign Align { get; init; } = PdfAlign.Left;

    public PdfVerticalAlign VerticalAlign { get; init; } = PdfVerticalAlign.Middle;

    public bool Bold { get; init; }

    /// <summary>
    /// Lines set right-aligned at the foot of the cell, below its text: the "(公章)  年 月 日" of an opinion box.
    /// Give the row a <see cref="PdfRow.MinHeight"/> to leave room for the stamp.
    /// </summary>
    public string? SignOff { get; init; }

    /// <summary>A centred form label such as "项目名称".</summary>
    public static PdfCell Label(string text, int colSpan = 1) => new(text, colSpan) { Align = PdfAlign.Center };

    public static implicit operator PdfCell(string? text) => new(text);
}

/// <summary>A table row: cells whose spans add up to the table's column count; it grows with its content.</summary>
public sealed class PdfRow(params IReadOnlyList<PdfCell> cells)
{
    public IReadOnlyList<PdfCell> Cells { get; } = cells;

    /// <summary>Height in points the row keeps even when its text is shorter (e.g. a stamp box).</summary>
    public double MinHeight { get; init; }
}

/// <summary>
/// A bordered table: a list of columns followed by a header grid or label/value grid (Annex 2, 3, 6) with column spans.
/// Header rows are repeated at the top of every page their rows continue on. A header may also start part-way down,
/// as the expert list inside the Annex 2 grid: it then repeats above the rows after it until the next header or
/// <see cref="EndHeader"/>.
/// </summary>
public sealed class PdfTable
{
    private readonly List<PdfTableBand> _bands = [new()];

    /// <param name="columnWeights">Relative column widths; the table spans the page's text width.</param>
    public PdfTable(params double[] columnWeights)
    {
        if (columnWeights.Length == 0 || columnWeights.Any(w => w <= 0))
        {
            throw new ArgumentException("Column weights must be positive.", nameof(columnWeights));
        }

        ColumnWeights = columnWeights;
    }

    public IReadOnlyList<double> ColumnWeights { get; }

    /// <summary>The table's rows in order, in runs that share a repeated header (the first run's may be empty).</summary>
    internal IReadOnlyList<PdfTableBand> Bands => _bands;

    public double FontSize { get; init; } = 10.5;

    /// <summary>Adds a bold centred header row, repeated on each page the rows after it continue on.</summary>
    public PdfTable AddHeader(params string[] labels) =>
        AddHeader(new PdfRow([.. labels.Select(l => PdfCell.Label(l) with { Bold = true })]));

    /// <summary>Adds a header row as given; consecutive header rows repeat together.</summary>
    public PdfTable AddHeader(PdfRow row)
    {
        CheckSpan(row);
        if (_bands[^1].Body.Count > 0)
        {
            _bands.Add(new PdfTableBand());
        }

        _bands[^1].Header.Add(row);
        return this;
    }

    /// <summary>Rows added after this repeat no header (e.g. the opinion box below a list).</summary>
    public PdfTable EndHeader()
    {
        if (_bands[^1].Header.Count > 0)
        {
            _bands.Add(new PdfTableBand());
        }

        return this;
    }

    public PdfTable AddRow(params PdfCell[] cells) => AddRow(new PdfRow(cells));

    public PdfTable AddRow(PdfRow row)
    {
        CheckSpan(row);
        _bands[^1].Body.Add(row);
        return this;
    }

    private void CheckSpan(PdfRow row)
    {
        var span = row.Cells.Sum(c => c.ColSpan);
        if (span != ColumnWeights.Count || row.Cells.Any(c => c.ColSpan < 1))
        {
            throw new ArgumentException($"Row spans {span} columns; the table has {ColumnWeights.Count}.", nameof(row));
        }
    }
}

/// <summary>Body rows and the header rows drawn above them on each page they are on.</summary>
internal sealed class PdfTableBand
{
    public List<PdfRow> Header { get; } = [];

    public List<PdfRow> Body { get; } = [];
}
