using System.Globalization;
using ResearchPortal.Web.Documents.Xlsx;
using ResearchPortal.Web.Pages.Statistics;

namespace ResearchPortal.Web.Documents.Exports;

/// <summary>The statistics page as a workbook: one sheet per table, with the same figures, its 合计 line and its note.</summary>
public static class StatisticsWorkbook
{
    public static void Write(Stream output, string title, DateOnly today, IReadOnlyList<FigureTable> tables)
    {
        using var writer = new XlsxSheetWriter(output, tables[0].Caption, ColumnsOf(tables[0]));
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            if (i > 0)
            {
                writer.AddSheet(table.Caption, ColumnsOf(table));
            }

            writer.AddTitle($"{title}：{table.Caption}（截至 {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）");
            foreach (var row in table.Total is { } total ? table.Rows.Append(total) : table.Rows)
            {
                writer.AddRow([row.Label, .. row.Values.Select(v => v?.ToString(CultureInfo.InvariantCulture))]);
            }

            if (table.Note is { } note)
            {
                writer.AddFooter(note);
            }
        }

        writer.Complete();
    }

    private static IReadOnlyList<XlsxColumn> ColumnsOf(FigureTable table) =>
        [new(table.LabelHeader), .. table.Series.Select(series => new XlsxColumn(series, XlsxCellKind.Number))];
}
