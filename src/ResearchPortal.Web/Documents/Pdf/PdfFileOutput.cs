using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using ResearchPortal.Web.Documents.Fonts;

namespace ResearchPortal.Web.Documents.Pdf;

/// <summary>
/// Saves a PDFsharp document as a valid file with an exact text layer. PDFsharp 6.2.4 has two faults this works around:
/// its FlateDecode writes a zlib header and the deflate data but never the Adler-32 trailer (so `qpdf --check` warns on
/// every compressed stream), and its ToUnicode CMaps write a character above U+FFFF as a 5-digit code point
/// (`&lt;20BB7&gt;`) where a CMap needs its UTF-16 pair (`&lt;D842DFB7&gt;`). The document is saved with as little
/// compression as PDFsharp allows, reopened, its ToUnicode entries corrected, and every stream PDFsharp left plain or
/// flate-encoded (it always encodes ToUnicode maps) compressed anew with .NET's complete zlib encoder.
/// </summary>
internal static partial class PdfFileOutput
{
    /// <summary>Call on a new document, before anything is drawn: PDFsharp must leave every stream to <see cref="Save"/>.</summary>
    public static void Prepare(PdfDocument document)
    {
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
    }

    public static byte[] Save(PdfDocument document)
    {
        using var uncompressed = new MemoryStream();
        document.Save(uncompressed, closeStream: false);
        uncompressed.Position = 0;
        using var reopened = PdfReader.Open(uncompressed, PdfDocumentOpenMode.Modify);
        reopened.Options.NoCompression = true;
        var objects = reopened.Internals.GetAllObjects();
        var toUnicodeMaps = objects.OfType<PdfDictionary>()
            .Select(d => d.Elements.GetReference("/ToUnicode")?.Value)
            .OfType<PdfDictionary>()
            .ToHashSet();
        foreach (var dictionary in objects.OfType<PdfDictionary>())
        {
            if (dictionary.Stream is not { } stream || PlainOrFlateData(dictionary) is not { } data)
            {
                continue;
            }

            if (toUnicodeMaps.Contains(dictionary))
            {
                data = WithUtf16Targets(data);
            }
            else if (dictionary.Elements.ContainsKey("/Length1")) // an embedded TrueType font (FontFile2)
            {
                TrueTypeSubset.ClearUnusedMetrics(data);
            }

            stream.Value = Deflate(data);
            dictionary.Elements.SetName("/Filter", "/FlateDecode");
        }
        using var output = new MemoryStream();
        reopened.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The stream's data when it is plain or only flate-encoded (PDFsharp's inflater accepts its own output); null for images and other filters.</summary>
    private static byte[]? PlainOrFlateData(PdfDictionary dictionary)
    {
        var filter = dictionary.Elements["/Filter"];
        if (filter is null)
        {
            return dictionary.Stream.Value;
        }

        var flateOnly = filter is PdfName { Value: "/FlateDecode" } && !dictionary.Elements.ContainsKey("/DecodeParms");
        return flateOnly ? dictionary.Stream.UnfilteredValue : null;
    }

    /// <summary>Rewrites destinations like &lt;20BB7&gt; of a ToUnicode CMap as UTF-16 (&lt;D842DFB7&gt;).</summary>
    internal static byte[] WithUtf16Targets(byte[] cmap)
    {
        var text = Encoding.ASCII.GetString(cmap);
        var fixedText = SupplementaryTarget().Replace(text, match =>
        {
            var codePoint = int.Parse(match.Groups["code"].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (codePoint is < 0x10000 or > 0x10FFFF)
            {
                return match.Value;
            }

            var utf16 = new Rune(codePoint).ToString();
            return $"{match.Groups["source"].Value}<{(int)utf16[0]:X4}{(int)utf16[1]:X4}>";
        });
        return ReferenceEquals(fixedText, text) ? cmap : Encoding.ASCII.GetBytes(fixedText);
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream(data.Length / 2 + 64);
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A bfchar or bfrange line whose destination has 5 or 6 hex digits.</summary>
    [GeneratedRegex(@"(?<source>^(?:<[0-9A-Fa-f]{4}>){1,2})<(?<code>[0-9A-Fa-f]{5,6})>", RegexOptions.Multiline)]
    private static partial Regex SupplementaryTarget();
}
