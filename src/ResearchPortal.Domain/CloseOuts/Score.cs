using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Rules;

namespace ResearchPortal.Domain.CloseOuts;

/// <summary>An acceptance score: an integer 0–100, 70 or more is 合格.</summary>
public sealed record Score
{
    private Score()
    {
    }

    public int Value { get; private init; }

    public bool IsPass => Value >= SeminarRules.PassingScore;

    /// <summary>合格 / 不合格.</summary>
    public string Verdict => IsPass ? "合格" : "不合格";

    public static Result<Score> Create(int value, string field = nameof(Value)) =>
        value is < SeminarRules.MinScore or > SeminarRules.MaxScore
            ? Result.Failure<Score>(new Error(
                "Score.OutOfRange",
                $"评分应为 {SeminarRules.MinScore} 到 {SeminarRules.MaxScore} 之间的整数。",
                field))
            : Result.Success(new Score { Value = value });

    public override string ToString() => $"{Value} 分（{Verdict}）";
}
