using System.Globalization;
using System.Text.RegularExpressions;
using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Plans;

/// <summary>How certificate numbers are built, e.g. "SDGY{year}-{project}-{seq:3}" → "SDGY2024-001-007".
/// Tokens: <c>{year}</c>, <c>{project}</c> (project number) and exactly one <c>{seq:N}</c> (sequence padded to N digits).
/// Project numbers often begin with their year ("2026-02"); where the pattern has <c>{year}</c> as well, the year is
/// written once: "SDGY2026-02-001", not "SDGY2026-2026-02-001".</summary>
public sealed partial record CertificateNumberPattern
{
    public const int MaxLength = 100;
    public const int MaxSequenceWidth = 10;

    /// <summary>The pattern offered for a new plan year.</summary>
    public const string Default = "SDGY{year}-{project}-{seq:3}";

    private const string YearToken = "{year}";

    private CertificateNumberPattern()
    {
        Value = string.Empty;
    }

    public string Value { get; private init; }

    public static Result<CertificateNumberPattern> Parse(string pattern, string field = nameof(PlanYear.CertificateNumberPattern))
    {
        var errors = new ErrorCollector().RequiredWithin(pattern, MaxLength, field, "证书编号规则");
        if (!errors.HasErrors)
        {
            CheckTokens(pattern, field, errors);
        }

        return errors.ToResult(() => new CertificateNumberPattern { Value = pattern.Trim() });
    }

    /// <summary>Rehydrates a pattern read from storage, where it was validated on the way in.</summary>
    public static CertificateNumberPattern FromTrusted(string pattern) => new() { Value = pattern };

    public string Format(int year, string projectNumber, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        var project = Value.Contains(YearToken, StringComparison.Ordinal) ? WithoutLeadingYear(projectNumber, yearText) : projectNumber;
        return TokenPattern().Replace(Value, match => match.Value switch
        {
            YearToken => yearText,
            "{project}" => project,
            _ => sequence.ToString("D" + SequenceToken().Match(match.Value).Groups["width"].Value, CultureInfo.InvariantCulture),
        });
    }

    public override string ToString() => Value;

    /// <summary>"2026-02" → "02" and "2026GJ01" → "GJ01" for 2026; a number that does not begin with the year on its own
    /// ("037", "20261") or is nothing but the year stays as it is.</summary>
    private static string WithoutLeadingYear(string projectNumber, string year)
    {
        if (!projectNumber.StartsWith(year, StringComparison.Ordinal) || projectNumber.Length == year.Length || char.IsAsciiDigit(projectNumber[year.Length]))
        {
            return projectNumber;
        }

        var rest = projectNumber[year.Length..].TrimStart('-', '_', '/', '.', ' ');
        return rest.Length == 0 ? projectNumber : rest;
    }

    private static void CheckTokens(string pattern, string field, ErrorCollector errors)
    {
        var tokens = TokenPattern().Matches(pattern).Select(match => match.Value).ToList();
        var unknown = tokens.Where(token => token is not ("{year}" or "{project}") && !SequenceToken().IsMatch(token)).ToList();
        var sequenceTokens = tokens.Count(token => SequenceToken().IsMatch(token));
        var strayBraces = TokenPattern().Replace(pattern, string.Empty).IndexOfAny(['{', '}']) >= 0;

        errors
            .When(unknown.Count > 0, "CertificatePattern.UnknownToken", $"证书编号规则中有无法识别的占位符：{string.Join("、", unknown)}；只能使用 {{year}}、{{project}}、{{seq:N}}。", field)
            .When(strayBraces, "CertificatePattern.StrayBrace", "证书编号规则中的大括号不成对。", field)
            .When(sequenceTokens != 1, "CertificatePattern.Sequence", $"证书编号规则须包含且只包含一个流水号占位符 {{seq:N}}（N 为 1 到 {MaxSequenceWidth} 位）。", field);
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^\{seq:(?<width>[1-9]|10)\}$")]
    private static partial Regex SequenceToken();
}
