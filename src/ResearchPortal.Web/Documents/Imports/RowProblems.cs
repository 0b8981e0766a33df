using ResearchPortal.Domain.Common;

namespace ResearchPortal.Web.Documents.Imports;

/// <summary>Collects the faults of an import, one message per cell (the first found), in row order.</summary>
internal sealed class RowProblems(IReadOnlyDictionary<string, string> columnByDomainField)
{
    private readonly List<ImportProblem> _problems = [];
    private readonly HashSet<(int Row, string Column)> _reportedCells = [];

    public bool Any => _problems.Count > 0;

    public void Add(int row, string column, string message)
    {
        // A blank unit, say, also fails the domain's own "required" check: the first message is enough.
        if (_reportedCells.Add((row, column)))
        {
            _problems.Add(new ImportProblem(row, column, message));
        }
    }

    /// <summary>Domain errors of a row, placed in the column their <see cref="Error.Field"/> stands for.</summary>
    public void Add(int row, Result result)
    {
        foreach (var error in result.Errors)
        {
            Add(row, error.Field is { } field ? columnByDomainField.GetValueOrDefault(field, string.Empty) : string.Empty, error.Message);
        }
    }

    public ImportResult ToRefusal() => ImportResult.Refused([.. _problems.OrderBy(p => p.RowNumber)]);
}
