using System.Globalization;
using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Enrollment;

/// <summary>An 18-character resident ID number (GB 11643-1999): 6-digit area code, 8-digit birth date,
/// 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character.</summary>
public sealed record IdNumber
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private IdNumber()
    {
        Value = string.Empty;
    }

    /// <summary>The full number with an upper-case X; never show it where <see cref="Masked"/> will do.</summary>
    public string Value { get; private init; }

    public DateOnly BirthDate => ParseBirthDate(Value) ?? throw new InvalidOperationException("Stored ID number has no valid birth date.");

    /// <summary>The 17th character's parity: odd is male, even is female.</summary>
    public Gender ImpliedGender => (Value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    /// <summary>First 6 and last 4 characters kept, the rest '*': 370102********123X.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 6), new string('*', Length - 10), Value.AsSpan(Length - 4));

    public static Result<IdNumber> Parse(string? input, DateOnly today, string field = "IdNumber")
    {
        var value = (input ?? string.Empty).Trim().ToUpperInvariant();
        if (value.Length != Length || !value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            return Failure("IdNumber.Format", "身份证号应为 18 位：前 17 位为数字，最后一位为数字或 X。", field);
        }

        var birthDate = ParseBirthDate(value);
        if (birthDate is null)
        {
            return Failure("IdNumber.BirthDateInvalid", $"身份证号中的出生日期 {value.Substring(6, 8)} 不是真实存在的日期。", field);
        }

        if (birthDate > today)
        {
            return Failure("IdNumber.BirthDateInFuture", $"身份证号中的出生日期{ChineseDate.Format(birthDate.Value)}晚于今天。", field);
        }

        if (CheckCharacter(value) != value[17])
        {
            return Failure("IdNumber.CheckDigit", "身份证号校验位不正确，请核对是否有输错的数字。", field);
        }

        return Result.Success(new IdNumber { Value = value });
    }

    /// <summary>Rehydrates a number read from storage, where it was validated on the way in.</summary>
    public static IdNumber FromTrusted(string value) => new() { Value = value };

    /// <summary>The ISO 7064 MOD 11-2 check character for the first 17 digits.</summary>
    public static char CheckCharacter(string first17Digits)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (first17Digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public Result MatchesGender(Gender gender, string field = nameof(EnrollmentForm.Gender)) =>
        gender == ImpliedGender
            ? Result.Success()
            : Result.Failure(new Error(
                "IdNumber.GenderMismatch",
                $"所填性别为“{gender.ToChinese()}”，与身份证号显示的性别“{ImpliedGender.ToChinese()}”不一致。",
                field));

    /// <summary>Masked on purpose, so the full number never slips into logs or pages by accident.</summary>
    public override string ToString() => Masked;

    private static DateOnly? ParseBirthDate(string value) =>
        DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static Result<IdNumber> Failure(string code, string message, string field) =>
        Result.Failure<IdNumber>(new Error(code, message, field));
}
