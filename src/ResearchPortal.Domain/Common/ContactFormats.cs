using System.Text.RegularExpressions;

namespace ResearchPortal.Domain.Common;

/// <summary>Shape checks for contact data shared by the filing and the enrollment forms.</summary>
public static partial class ContactFormats
{
    /// <summary>Mainland mobile numbers: 11 digits starting with 1.</summary>
    public static bool IsMobile(string value) => MobilePattern().IsMatch(value);

    public static bool IsPostcode(string value) => PostcodePattern().IsMatch(value);

    /// <summary>Only the shape local@domain.tld; deliverability is not ours to judge.</summary>
    public static bool IsEmail(string value) => EmailPattern().IsMatch(value);

    public static bool IsQq(string value) => QqPattern().IsMatch(value);

    [GeneratedRegex(@"^1\d{10}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[1-9]\d{4,11}$")]
    private static partial Regex QqPattern();
}
