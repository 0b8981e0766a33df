using System.Globalization;

namespace ResearchPortal.Web.Pages.Statistics;

public enum ChartKind
{
    Bar,
    StackedBar,
    Doughnut,
}

/// <summary>One line of a figure table: a label and one value per series (null: nothing to average).</summary>
public sealed record FigureRow(string Label, IReadOnlyList<decimal?> Values)
{
    public static string Format(decimal? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—";
}

/// <summary>
/// A table of the statistics page, the same on the page (where its chart is drawn from it), in the XLSX download (one
/// sheet each) and in the tests. <paramref name="ChartSeries"/> names the columns the chart shows (all when null).
/// </summary>
public sealed record FigureTable(
    string Key,
    string Caption,
    string LabelHeader,
    IReadOnlyList<string> Series,
    IReadOnlyList<FigureRow> Rows,
    ChartKind Chart,
    string? Note = null,
    IReadOnlyList<int>? ChartSeries = null)
{
    /// <summary>The column sums (合计), when the rows are parts of a whole.</summary>
    public FigureRow? Total { get; init; }

    public static FigureTable Counts(
        string key, string caption, string labelHeader, IReadOnlyList<string> series, IEnumerable<FigureRow> rows, ChartKind chart, string? note = null)
    {
        var list = rows.ToList();
        var sums = series.Select((_, i) => (decimal?)list.Sum(row => row.Values[i] ?? 0)).ToList();
        return new FigureTable(key, caption, labelHeader, series, list, chart, note) { Total = new FigureRow("合计", sums) };
    }
}
