namespace ResearchPortal.Domain.Common;

/// <summary>Gathers validation failures so an operation can report all of them together.</summary>
internal sealed class ErrorCollector
{
    private readonly List<Error> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public ErrorCollector Add(string code, string message, string? field = null)
    {
        _errors.Add(new Error(code, message, field));
        return this;
    }

    public ErrorCollector AddRange(IEnumerable<Error> errors)
    {
        _errors.AddRange(errors);
        return this;
    }

    public ErrorCollector When(bool failed, string code, string message, string? field = null) =>
        failed ? Add(code, message, field) : this;

    public ErrorCollector Required(string? value, string field, string label) =>
        When(string.IsNullOrWhiteSpace(value), "Required", $"请填写{label}。", field);

    /// <summary>Counts characters, not UTF-16 code units (<see cref="Text.CharacterCount"/>).</summary>
    public ErrorCollector MaxLength(string? value, int maxLength, string field, string label) =>
        When(value is not null && Text.CharacterCount(value.AsSpan().Trim()) > maxLength, "TooLong", $"{label}不能超过 {maxLength} 个字符。", field);

    public ErrorCollector RequiredWithin(string? value, int maxLength, string field, string label) =>
        Required(value, field, label).MaxLength(value, maxLength, field, label);

    /// <summary>Makes <paramref name="change"/> only when nothing failed.</summary>
    public Result Apply(Action change)
    {
        if (!HasErrors)
        {
            change();
        }

        return ToResult();
    }

    public Result ToResult() => HasErrors ? Result.Failure(_errors) : Result.Success();

    /// <summary>Builds the value only when nothing failed, so invalid objects are never created.</summary>
    public Result<T> ToResult<T>(Func<T> create) => HasErrors ? Result.Failure<T>(_errors) : Result.Success(create());
}
