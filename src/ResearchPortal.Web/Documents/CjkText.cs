using System.Text;
using System.Text.RegularExpressions;

namespace ResearchPortal.Web.Documents;

/// <summary>East Asian text rules shared by the PDF line breaker and the spreadsheet column widths.</summary>
internal static partial class CjkText
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
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    /// <summary>
    /// Whether a line may break between two characters: after a space, or next to a wide character,
    /// except before closing and after opening punctuation (a line must not start with "，" or end with "（").
    /// </summary>
    public static bool CanBreakBetween(Rune previous, Rune next)
    {
        if (Rune.IsWhiteSpace(next))
        {
            return false;
        }

        if (Rune.IsWhiteSpace(previous))
        {
            return true;
        }

        if (IsIn(NoBreakBefore, next) || IsIn(NoBreakAfter, previous))
        {
            return false;
        }

        return IsWide(previous.Value) || IsWide(next.Value);
    }

    private static bool IsIn(string set, Rune rune) => rune.IsBmp && set.Contains((char)rune.Value);

    /// <summary>
    /// Spans a line must not break inside although their characters would allow it: a date ("2026年11月20日",
    /// "2025 年 9 月 26 日", "11月20日") and a number with its unit ("24 学时", "30 人", "第 2 页").
    /// </summary>
    public static List<Range>? UnbreakableSpans(string text)
    {
        List<Range>? spans = null;
        foreach (var match in UnbreakableSpan().EnumerateMatches(text))
        {
            (spans ??= []).Add(new Range(match.Index, match.Index + match.Length));
        }

        return spans;
    }

    /// <summary>Whether position <paramref name="index"/> (a break before that character) lies inside one of the spans.</summary>
    public static bool IsInside(List<Range>? spans, int index)
    {
        // A plain loop, no closure: this runs at every break opportunity of every table cell.
        if (spans is null)
        {
            return false;
        }
        foreach (var span in spans)
        {
            if (span.Start.Value < index && index < span.End.Value)
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"(?:\d+\s*年\s*)?\d+\s*月(?:\s*\d+\s*日)?|(?:第\s*)?\d+(?:\.\d+)?\s*(?:学时|课时|小时|人次|人|名|天|日|年|个|项|位|次|期|页|份|分|元|岁|%|％)")]
    private static partial Regex UnbreakableSpan();
}
