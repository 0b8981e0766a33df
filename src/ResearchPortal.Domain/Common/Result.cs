namespace ResearchPortal.Domain.Common;

/// <summary>Outcome of an operation that can fail for expected reasons; carries every error found, not just the first.</summary>
public class Result
{
    protected Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public bool IsFailure => !IsSuccess;

    public static Result Success() => new([]);

    public static Result Failure(params Error[] errors) => Failure((IEnumerable<Error>)errors);

    public static Result Failure(IEnumerable<Error> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new Result(list);
    }

    public static Result<T> Success<T>(T value) => Result<T>.Success(value);

    public static Result<T> Failure<T>(params Error[] errors) => Result<T>.Failure(errors);

    public static Result<T> Failure<T>(IEnumerable<Error> errors) => Result<T>.Failure(errors);
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<Error> errors)
        : base(errors) => _value = value;

    /// <summary>The value of a successful result; reading it from a failure is a programming error.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException("A failed result has no value: " + string.Join("; ", Errors.Select(e => e.Code)));

    public static Result<T> Success(T value) => new(value, []);

    public static new Result<T> Failure(params Error[] errors) => Failure((IEnumerable<Error>)errors);

    public static new Result<T> Failure(IEnumerable<Error> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new Result<T>(default, list);
    }
}

public static class ResultExtensions
{
    /// <summary>Carries <paramref name="value"/> when <paramref name="result"/> succeeded, its errors otherwise.</summary>
    public static Result<T> WithValue<T>(this Result result, T value) =>
        result.IsSuccess ? Result.Success(value) : Result.Failure<T>(result.Errors);

    /// <summary>Runs <paramref name="action"/> on the value of a success and passes the result on unchanged.</summary>
    public static Result<T> Then<T>(this Result<T> result, Action<T> action)
    {
        if (result.IsSuccess)
        {
            action(result.Value);
        }

        return result;
    }
}
