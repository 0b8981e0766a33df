namespace ResearchPortal.Web.Documents.Xlsx;

public enum XlsxReadError
{
    FileTooLarge,
    NotXlsx,
    Corrupt,
    ExpandsTooLarge,
    TooManyRows,
    TooManyColumns,
}

/// <summary>Refusal thresholds; <see cref="MaxRows"/> counts every non-empty row, header included.</summary>
public sealed record XlsxReadLimits
{
    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;

    public long MaxUncompressedBytes { get; init; } = 100 * 1024 * 1024;

    /// <summary>Uncompressed/compressed ratio above which a large entry is treated as a zip bomb (real sheets stay far below).</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    public int MaxRows { get; init; } = 10_001;

    public int MaxColumns { get; init; } = 100;
}

/// <summary>A non-empty worksheet row: its 1-based row number in Excel and its cell texts from column A on.</summary>
public sealed record XlsxRow(int Number, IReadOnlyList<string> Cells);

/// <summary>The rows of the first worksheet, or why the file was refused, with a message for the user.</summary>
public sealed record XlsxReadResult
{
    private XlsxReadResult(IReadOnlyList<XlsxRow> rows, XlsxReadError? error, string? message)
    {
        Rows = rows;
        Error = error;
        Message = message;
    }

    public IReadOnlyList<XlsxRow> Rows { get; }

    public XlsxReadError? Error { get; }

    public string? Message { get; }

    public bool Succeeded => Error is null;

    internal static XlsxReadResult Success(IReadOnlyList<XlsxRow> rows) => new(rows, null, null);

    internal static XlsxReadResult Refused(XlsxReadError error, XlsxReadLimits limits) => new([], error, error switch
    {
        XlsxReadError.FileTooLarge => $"文件超过 {Megabytes(limits.MaxFileBytes)} MB 的上限，请拆分后再导入。",
        XlsxReadError.NotXlsx => "文件不是 Excel 工作簿（.xlsx）。请使用模板填写，并在 Excel 中另存为 .xlsx 后上传。",
        XlsxReadError.Corrupt => "文件已损坏或格式不正确，无法读取。请在 Excel 中打开并重新保存为 .xlsx 后上传。",
        XlsxReadError.ExpandsTooLarge => $"文件解压后超过 {Megabytes(limits.MaxUncompressedBytes)} MB 或压缩比异常，已拒绝处理。",
        XlsxReadError.TooManyRows => $"行数超过上限（最多 {limits.MaxRows} 行，含表头），请拆分后分批导入。",
        XlsxReadError.TooManyColumns => $"列数超过上限（最多 {limits.MaxColumns} 列），请使用模板中的列。",
        _ => throw new ArgumentOutOfRangeException(nameof(error)),
    });

    private static long Megabytes(long bytes) => bytes / (1024 * 1024);
}
