using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ResearchPortal.Web.Documents.Certificates.Signing;

/// <summary>
/// An incremental update (ISO 32000-1, 7.5.6) appended to a PDF as PdfFileOutput writes it (PDFsharp: one classic
/// cross-reference table, every object outside object streams): objects are replaced or added after the original
/// bytes, which stay untouched, with a cross-reference section and trailer pointing back to the original one.
/// </summary>
internal sealed partial class PdfIncrementalUpdate
{
    private readonly byte[] _original;
    private readonly Dictionary<int, long> _offsets = [];
    private readonly SortedDictionary<int, string> _objects = [];
    private readonly long _previousXref;
    private readonly string _trailer;

    private PdfIncrementalUpdate(byte[] original)
    {
        _original = original;
        var tail = Encoding.Latin1.GetString(original, Math.Max(0, original.Length - 1024), Math.Min(1024, original.Length));
        var startXref = StartXref().Matches(tail) is { Count: > 0 } found
            ? long.Parse(found[^1].Groups["offset"].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("No startxref at the end of the PDF.");
        _previousXref = startXref;
        var section = Encoding.Latin1.GetString(original, (int)startXref, original.Length - (int)startXref);
        var trailerAt = section.IndexOf("trailer", StringComparison.Ordinal);
        if (!section.StartsWith("xref", StringComparison.Ordinal) || trailerAt < 0)
        {
            throw new InvalidOperationException("The PDF has no classic cross-reference table to update.");
        }
        ReadTable(section[4..trailerAt]);
        _trailer = section[(trailerAt + 7)..section.IndexOf("startxref", trailerAt, StringComparison.Ordinal)];
        Size = Number(_trailer, SizeKey());
        Root = Number(_trailer, RootKey());
        Info = InfoKey().Match(_trailer) is { Success: true } info ? int.Parse(info.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The original cross-reference table's /Size: the next new object gets this number.</summary>
    public int Size { get; private set; }

    public int Root { get; }

    public int? Info { get; private set; }

    public static PdfIncrementalUpdate Of(byte[] pdf) => new(pdf);

    /// <summary>The dictionary of an original object ("&lt;&lt;…&gt;&gt;"), as written.</summary>
    public string Dictionary(int number)
    {
        if (!_offsets.TryGetValue(number, out var offset))
        {
            throw new InvalidOperationException($"Object {number} is not in the cross-reference table.");
        }
        var end = _original.AsSpan((int)offset).IndexOf("endobj"u8);
        var text = Encoding.Latin1.GetString(_original, (int)offset, end);
        var body = text[(text.IndexOf("obj", StringComparison.Ordinal) + 3)..].Trim();
        return body.StartsWith("<<", StringComparison.Ordinal) && body.EndsWith(">>", StringComparison.Ordinal)
            ? body
            : throw new InvalidOperationException($"Object {number} is not a plain dictionary.");
    }

    /// <summary>The first object of /Kids in /Pages of the catalog: the first page of PDFsharp's flat page tree.</summary>
    public int FirstPage() => Number(Dictionary(Number(Dictionary(Root), PagesKey())), FirstKid());

    /// <summary>Replaces an original object, or adds one under a new number (<see cref="Add"/>).</summary>
    public void Set(int number, string dictionary) => _objects[number] = dictionary;

    public int Add(string dictionary)
    {
        var number = Size++;
        Set(number, dictionary);
        return number;
    }

    /// <summary>A new document information dictionary when the original had none.</summary>
    public int NewInfo(string dictionary) => (Info = Add(dictionary)).Value;

    /// <summary>The original bytes followed by the update.</summary>
    public byte[] Write()
    {
        var update = new StringBuilder();
        var offsets = new SortedDictionary<int, long>();
        foreach (var (number, dictionary) in _objects)
        {
            update.Append('\n');
            offsets[number] = _original.Length + update.Length; // Latin-1: one character per byte
            update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{dictionary}\nendobj");
        }

        update.Append('\n');
        var xref = _original.Length + update.Length;
        update.Append("xref\n");
        foreach (var (number, offset) in offsets)
        {
            update.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n\r\n");
        }

        var id = IdKey().Match(_trailer) is { Success: true } found ? found.Value : string.Empty;
        var info = Info is { } infoNumber ? $"/Info {infoNumber} 0 R" : string.Empty;
        update.Append(CultureInfo.InvariantCulture,
            $"trailer\n<</Size {Size}/Root {Root} 0 R{info}{id}/Prev {_previousXref}>>\nstartxref\n{xref}\n%%EOF\n");
        return [.. _original, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    /// <summary>Inserts entries right after a dictionary's opening "&lt;&lt;".</summary>
    public static string WithEntries(string dictionary, string entries) => string.Concat("<<", entries, dictionary.AsSpan(2));

    /// <summary>A text string as PDF writes Unicode: UTF-16BE with its byte order mark, in hex.</summary>
    public static string TextString(string text) => $"<FEFF{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text))}>";

    private void ReadTable(string table)
    {
        var tokens = table.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        for (var at = 0; at + 1 < tokens.Length;)
        {
            var first = int.Parse(tokens[at], CultureInfo.InvariantCulture);
            var count = int.Parse(tokens[at + 1], CultureInfo.InvariantCulture);
            at += 2;
            for (var index = 0; index < count; index++, at += 3)
            {
                if (tokens[at + 2] == "n")
                {
                    _offsets[first + index] = long.Parse(tokens[at], CultureInfo.InvariantCulture);
                }
            }
        }
    }

    private static int Number(string text, Regex key) =>
        key.Match(text) is { Success: true } found
            ? int.Parse(found.Groups["n"].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"No {key} in {text[..Math.Min(80, text.Length)]}.");

    [GeneratedRegex(@"startxref\s+(?<offset>\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Size\s+(?<n>\d+)")]
    private static partial Regex SizeKey();

    [GeneratedRegex(@"/Root\s+(?<n>\d+)\s+0\s+R")]
    private static partial Regex RootKey();

    [GeneratedRegex(@"/Info\s+(?<n>\d+)\s+0\s+R")]
    private static partial Regex InfoKey();

    [GeneratedRegex(@"/Pages\s+(?<n>\d+)\s+0\s+R")]
    private static partial Regex PagesKey();

    [GeneratedRegex(@"/Kids\s*\[\s*(?<n>\d+)\s+0\s+R")]
    private static partial Regex FirstKid();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdKey();
}
