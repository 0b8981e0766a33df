namespace ResearchPortal.Web.Data.IdNumbers;

/// <summary>Lists search an ID number only by its last 4 characters, which the masked form already shows
/// (<see cref="IdNumberMapping.MaskedProperty"/>): no list needs, or reveals, more of the number.</summary>
public static class IdNumberSearch
{
    public const int MaxLength = 4;

    /// <summary>The search text as the end of a masked number (1–4 digits, X in either case), or null when it cannot be one.</summary>
    public static string? Ending(string term) =>
        term.Length is >= 1 and <= MaxLength && term.All(c => char.IsAsciiDigit(c) || c is 'x' or 'X') ? term.ToUpperInvariant() : null;
}
