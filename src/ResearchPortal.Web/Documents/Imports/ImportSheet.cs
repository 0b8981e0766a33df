using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Documents.Xlsx;

namespace ResearchPortal.Web.Documents.Imports;

/// <summary>
/// The data rows of an uploaded first worksheet, under a header row found by its captions in any order, wherever it
/// sits among the title lines above it (an exported Annex 4 list has three). Captions are compared without
/// whitespace, so "是否通过\n结业考核" matches.
/// </summary>
public sealed class ImportSheet
{
    public const int MaxDataRows = 10_000;

    /// <summary>The header must be within this many rows from the top.</summary>
    private const int HeaderSearchRows = 10;

    private static readonly XlsxReadLimits Limits = new()
    {
        // Room for the title lines above the header and the 填表人 lines below the data; the data rows are counted
        // exactly once the header is found.
        MaxRows = MaxDataRows + 2 * HeaderSearchRows,
    };

    private static readonly string TooManyRowsMessage = $"数据行超过 {MaxDataRows} 行的上限，请拆分后分批导入。";

    private readonly IReadOnlyDictionary<string, int> _columnIndexes;

    private ImportSheet(IReadOnlyDictionary<string, int> columnIndexes, IReadOnlyList<XlsxRow> rows)
    {
        _columnIndexes = columnIndexes;
        Rows = rows;
    }

    public IReadOnlyList<XlsxRow> Rows { get; }

    /// <summary>The trimmed text of a row's cell under <paramref name="column"/>; empty when blank or when the
    /// (optional) column is not in the file.</summary>
    public string Cell(XlsxRow row, string column) =>
        _columnIndexes.TryGetValue(column, out var index) && index < row.Cells.Count ? row.Cells[index].Trim() : string.Empty;

    /// <summary>Reads the file; a refusal carries one Chinese message for the file as a whole.</summary>
    public static async Task<Result<ImportSheet>> ReadAsync(
        Stream file, IReadOnlyList<string> requiredColumns, IReadOnlyList<string> optionalColumns, CancellationToken cancellationToken)
    {
        var read = await XlsxReader.ReadAsync(file, Limits, cancellationToken);
        if (!read.Succeeded)
        {
            return Refused(read.Error == XlsxReadError.TooManyRows ? TooManyRowsMessage : read.Message!);
        }

        var candidates = read.Rows.Take(HeaderSearchRows)
            .Select((row, position) => (Position: position, Indexes: IndexCaptions(row)))
            .ToList();
        var header = candidates.FirstOrDefault(c => requiredColumns.All(c.Indexes.ContainsKey));
        if (header.Indexes is null)
        {
            var best = candidates.MaxBy(c => requiredColumns.Count(c.Indexes.ContainsKey)).Indexes ?? new Dictionary<string, int>();
            return Refused($"未找到表头行：前 {HeaderSearchRows} 行中没有一行同时包含所需的列。"
                + $"缺少：{string.Join("、", requiredColumns.Where(c => !best.ContainsKey(c)))}。请下载导入模板，按模板的表头填写。");
        }

        var dataRows = read.Rows.Skip(header.Position + 1).Where(row => !IsNoteLine(row)).ToList();
        if (dataRows.Count == 0)
        {
            return Refused("表头下方没有数据行。");
        }

        if (dataRows.Count > MaxDataRows)
        {
            return Refused(TooManyRowsMessage);
        }

        var known = requiredColumns.Concat(optionalColumns).ToHashSet();
        var indexes = header.Indexes.Where(pair => known.Contains(pair.Key)).ToDictionary();
        return Result.Success(new ImportSheet(indexes, dataRows));
    }

    /// <summary>Caption → column index; a caption repeated further right is ignored.</summary>
    private static Dictionary<string, int> IndexCaptions(XlsxRow row)
    {
        var indexes = new Dictionary<string, int>();
        for (var i = 0; i < row.Cells.Count; i++)
        {
            indexes.TryAdd(WithoutWhitespace(row.Cells[i]), i);
        }

        indexes.Remove(string.Empty);
        return indexes;
    }

    /// <summary>A line merged across the sheet below the data, such as "填表人：…": only the first cell, with a colon.</summary>
    private static bool IsNoteLine(XlsxRow row) =>
        row.Cells.Count == 1 && (row.Cells[0].Contains('：') || row.Cells[0].Contains(':'));

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static Result<ImportSheet> Refused(string message) => Result.Failure<ImportSheet>(new Error("Import.FileRefused", message));
}
