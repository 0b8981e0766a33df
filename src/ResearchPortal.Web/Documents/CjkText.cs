using System.Text;

namespace ResearchPortal.Web.Documents;

/// <summary>East Asian text rules shared by the PDF line breaker and the spreadsheet column widths.</summary>
internal static class CjkText
{
    private const string NoBreakBefore = "，。、；：！？）》」』】〕”’…—·,.;:!?)]}%";
    private const string NoBreakAfter = "（《「『【〔“‘([{";

    /// <summary>Wide (CJK, fullwidth) characters take two columns and allow a line break on either side.</summary>
    public static bool IsWide(int codePoint) => codePoint is
        >= 0x1100 and <= 0x115F        // Hangul Jamo
        or >= 0x2E80 and <= 0xA4CF     // CJK radicals, punctuation, kana, ideographs, Yi
        or >= 0xAC00 and <= 0xD7A3     // Hangul syllables
        or >= 0xF900 and <= 0xFAFF     // CJK compatibility ideographs
        or >= 0xFE30 and <= 0xFE4F     // CJK compatibility forms
        or >= 0xFF00 and <= 0xFF60     // fullwidth forms
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x20000 and <= 0x3FFFD;  // supplementary ideographs

    /// <summary>Display width in columns: a wide character counts two, anything else one.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
            width += IsWide(rune.Value) ? 2 : 1;
        return width;
    }

    /// <summary>
    /// Whether a line may break between two characters: after a space, or next to a wide character,
    /// except before closing and after opening punctuation (a line must not start with "，" or end with "（").
    /// </summary>
    public static bool CanBreakBetween(Rune previous, Rune next)
    {
        if (Rune.IsWhiteSpace(next))
            return false;
        if (Rune.IsWhiteSpace(previous))
            return true;
        if (IsIn(NoBreakBefore, next) || IsIn(NoBreakAfter, previous))
            return false;
        return IsWide(previous.Value) || IsWide(next.Value);
    }

    private static bool IsIn(string set, Rune rune) => rune.IsBmp && set.Contains((char)rune.Value);
}
