namespace ResearchPortal.Web.Infrastructure;

/// <summary>Masks personal data for screens that do not need it in full.</summary>
public static class Masking
{
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
