namespace ResearchPortal.Web.Documents.Imports;

/// <summary>One fault of an imported file: its Excel row number (0 when the file as a whole is refused), the column
/// caption (empty for the whole row or file) and what is wrong, in Chinese.</summary>
public sealed record ImportProblem(int RowNumber, string Column, string Message);

/// <summary>All or nothing: either every row was written (<see cref="ImportedCount"/>), or none was and
/// <see cref="Problems"/> lists every fault found.</summary>
public sealed record ImportResult
{
    private ImportResult(int importedCount, IReadOnlyList<ImportProblem> problems)
    {
        ImportedCount = importedCount;
        Problems = problems;
    }

    public int ImportedCount { get; }

    public IReadOnlyList<ImportProblem> Problems { get; }

    public bool Succeeded => Problems.Count == 0;

    public static ImportResult Imported(int count) => new(count, []);

    public static ImportResult Refused(IReadOnlyList<ImportProblem> problems) => new(0, problems);

    public static ImportResult RefusedFile(string message) => Refused([new ImportProblem(0, string.Empty, message)]);
}
