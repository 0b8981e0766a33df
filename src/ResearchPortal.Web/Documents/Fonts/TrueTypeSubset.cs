using System.Buffers.Binary;

namespace ResearchPortal.Web.Documents.Fonts;

/// <summary>
/// Makes PDFsharp's embedded font subsets small. PDFsharp keeps the glyph numbering of the whole font, so a subset of a
/// few dozen WenQuanYi glyphs still carries the metrics of all 49,531 (hmtx, ~200 KB of varied numbers that compress
/// poorly): a one-page certificate came to 60 KB, most of it metrics of glyphs it never draws, and compressing them
/// was most of the time spent on each file. Zeroing the metrics of glyphs without an outline leaves runs of zeros that
/// compress to almost nothing. A PDF reader takes advances from the font's /W array, never from hmtx, so what is drawn
/// does not change.
/// </summary>
internal static class TrueTypeSubset
{
    private const uint TrueTypeVersion = 0x00010000;
    private const uint AppleTrueTypeTag = 0x74727565; // "true"
    private const uint ChecksumMagic = 0xB1B0AFBA;
    private const int OffsetTableSize = 12;
    private const int TableRecordSize = 16;

    /// <summary>Zeroes, in place, the hmtx entries of glyphs with no outline except .notdef, and updates the checksums.
    /// Leaves anything that is not a well-formed TrueType font unchanged.</summary>
    public static void ClearUnusedMetrics(Span<byte> font)
    {
        if (font.Length < OffsetTableSize || ReadUInt32(font, 0) is not (TrueTypeVersion or AppleTrueTypeTag))
        {
            return;
        }
        if (Table(font, "head") is not { } head || Table(font, "hhea") is not { } hhea || Table(font, "maxp") is not { } maxp
            || Table(font, "loca") is not { } loca || Table(font, "hmtx") is not { } hmtx
            || head.Length < 54 || hhea.Length < 36 || maxp.Length < 6)
        {
            return;
        }
        var glyphCount = ReadUInt16(font, maxp.Offset + 4);
        var longOffsets = ReadUInt16(font, head.Offset + 50) != 0;
        var metricCount = ReadUInt16(font, hhea.Offset + 34);
        if (loca.Length < (glyphCount + 1) * (longOffsets ? 4 : 2) || metricCount == 0 || metricCount > glyphCount
            || hmtx.Length < 4 * metricCount + 2 * (glyphCount - metricCount))
        {
            return;
        }

        var start = GlyphStart(font, loca.Offset, longOffsets, 1);
        for (var glyph = 1; glyph < glyphCount; glyph++)
        {
            var end = GlyphStart(font, loca.Offset, longOffsets, glyph + 1);
            if (end == start)
            {
                // A long metric (advance, left side bearing) below numberOfHMetrics, a bearing alone above it.
                var entry = glyph < metricCount ? font.Slice(hmtx.Offset + 4 * glyph, 4) : font.Slice(hmtx.Offset + 4 * metricCount + 2 * (glyph - metricCount), 2);
                entry.Clear();
            }
            start = end;
        }

        BinaryPrimitives.WriteUInt32BigEndian(font[(hmtx.Record + 4)..], Checksum(font.Slice(hmtx.Offset, hmtx.Length)));
        BinaryPrimitives.WriteUInt32BigEndian(font[(head.Offset + 8)..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(font[(head.Offset + 8)..], ChecksumMagic - Checksum(font));
    }

    private static uint GlyphStart(ReadOnlySpan<byte> font, int loca, bool longOffsets, int glyph) =>
        longOffsets ? ReadUInt32(font, loca + 4 * glyph) : ReadUInt16(font, loca + 2 * glyph);

    /// <summary>The table's directory record position, offset and length, when it lies within the data.</summary>
    private static (int Record, int Offset, int Length)? Table(ReadOnlySpan<byte> font, string tag)
    {
        var wanted = BinaryPrimitives.ReadUInt32BigEndian(System.Text.Encoding.ASCII.GetBytes(tag));
        int tableCount = ReadUInt16(font, 4);
        for (var i = 0; i < tableCount; i++)
        {
            var record = OffsetTableSize + i * TableRecordSize;
            if (record + TableRecordSize > font.Length)
            {
                return null;
            }
            if (ReadUInt32(font, record) != wanted)
            {
                continue;
            }
            var offset = ReadUInt32(font, record + 8);
            var length = ReadUInt32(font, record + 12);
            return offset + (long)length <= font.Length ? (record, (int)offset, (int)length) : null;
        }
        return null;
    }

    /// <summary>The sum of the data as big-endian 32-bit words, the last one padded with zeros.</summary>
    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var whole = data.Length & ~3;
        for (var i = 0; i < whole; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        }
        if (whole < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[whole..].CopyTo(last);
            sum += BinaryPrimitives.ReadUInt32BigEndian(last);
        }
        return sum;
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);

    private static ushort ReadUInt16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);
}
