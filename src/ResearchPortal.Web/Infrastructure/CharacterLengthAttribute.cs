using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ResearchPortal.Domain.Common;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>
/// A text no longer than <see cref="MaximumLength"/> characters, counted as the domain counts them
/// (<see cref="Text.CharacterCount"/>): 𠮷 is one character, where <see cref="StringLengthAttribute"/> would count two.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class CharacterLengthAttribute(int maximumLength) : ValidationAttribute("{0}不能超过 {1} 个字符。")
{
    public int MaximumLength { get; } = maximumLength;

    public override bool IsValid(object? value) => value is not string text || Text.CharacterCount(text.AsSpan().Trim()) <= MaximumLength;

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, MaximumLength);
}
