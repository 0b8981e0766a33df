using System.Text.RegularExpressions;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>Masks personal data for screens and log lines that do not need it in full.</summary>
public static partial class Masking
{
    /// <summary>zhang.san@example.cn → z***@example.cn: the domain tells an operator which mail server to ask, not whose mail it was.</summary>
    public static string Email(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : string.Concat(address.AsSpan(0, 1), "***", address.AsSpan(at));
    }

    /// <summary>
    /// Text from outside the portal for a log line (an SMTP server's error quotes the recipient): e-mail addresses masked as
    /// <see cref="Email"/>, 18-character ID numbers replaced.
    /// </summary>
    public static string ForLog(string text) =>
        IdNumberPattern().Replace(EmailPattern().Replace(text, match => Email(match.Value)), "[身份证号]");

    /// <summary>A mail-delivery failure as a log line may show it: its type and its masked message (no stack trace needed).</summary>
    public static string ForLog(Exception exception) => $"{exception.GetType().Name}: {ForLog(exception.Message)}";

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdNumberPattern();

    /// <summary>13812345678 → 138****5678 (first 3 and last 4 kept).</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return string.Empty;
        }

        var trimmed = phone.Trim();
        return trimmed.Length <= 7
            ? new string('*', trimmed.Length)
            : string.Concat(trimmed.AsSpan(0, 3), new string('*', trimmed.Length - 7), trimmed.AsSpan(trimmed.Length - 4));
    }

    /// <summary>张三丰 → 张*丰; 张三 → 张*: enough for a holder to recognise the name, not for a stranger to learn it.</summary>
    public static string Name(string name) => name.Length switch
    {
        0 => string.Empty,
        1 => name,
        2 => string.Concat(name.AsSpan(0, 1), "*"),
        _ => string.Concat(name.AsSpan(0, 1), new string('*', name.Length - 2), name.AsSpan(name.Length - 1)),
    };
}
