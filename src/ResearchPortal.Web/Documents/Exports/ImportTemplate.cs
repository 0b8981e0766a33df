using ResearchPortal.Web.Documents.Xlsx;

namespace ResearchPortal.Web.Documents.Exports;

/// <summary>An empty workbook with just the header row an import expects, for units to fill in.</summary>
public static class ImportTemplate
{
    public static XlsxDownload Download(string fileName, IReadOnlyList<XlsxColumn> columns) =>
        new(fileName, output =>
        {
            using var writer = new XlsxSheetWriter(output, Path.GetFileNameWithoutExtension(fileName), columns);
            writer.Complete();
        });
}
