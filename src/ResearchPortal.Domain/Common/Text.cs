namespace ResearchPortal.Domain.Common;

internal static class Text
{
    /// <summary>Trimmed text, or null when blank: optional fields store "not given" one way only.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Trimmed text of a field already validated as required.</summary>
    public static string Required(string? value) => value?.Trim() ?? string.Empty;
}
