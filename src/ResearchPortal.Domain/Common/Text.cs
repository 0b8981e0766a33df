namespace ResearchPortal.Domain.Common;

public static class Text
{
    /// <summary>Trimmed text, or null when blank: optional fields store "not given" one way only.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Trimmed text of a field already validated as required.</summary>
    public static string Required(string? value) => value?.Trim() ?? string.Empty;

    /// <summary>
    /// Length in characters (Unicode scalar values), not UTF-16 code units: 𠮷 (U+20BB7) is one character of a name,
    /// as PostgreSQL's varchar(n) counts it.
    /// </summary>
    public static int CharacterCount(ReadOnlySpan<char> value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
