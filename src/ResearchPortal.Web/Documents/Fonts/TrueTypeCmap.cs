using System.Buffers.Binary;

namespace ResearchPortal.Web.Documents.Fonts;

/// <summary>
/// The characters a TrueType font has glyphs for, read from its Unicode cmap (format 4 for the BMP, format 12 above it):
/// the PDF writer asks it which font of the fallback chain draws a character.
/// </summary>
internal sealed class TrueTypeCmap
{
    private const uint CmapTag = 0x636D6170; // "cmap"

    private readonly HashSet<int> _codePoints;

    private TrueTypeCmap(HashSet<int> codePoints) => _codePoints = codePoints;

    public int Count => _codePoints.Count;

    public bool Contains(int codePoint) => _codePoints.Contains(codePoint);

    /// <param name="font">A standalone TrueType font (see <see cref="TrueTypeCollection.ExtractFirstFace"/>).</param>
    /// <exception cref="InvalidDataException">No readable Unicode cmap.</exception>
    public static TrueTypeCmap Read(byte[] font)
    {
        var cmap = FindTable(font, CmapTag);
        var data = font.AsSpan(cmap);
        int count = U16(data, 2);
        var format4 = -1;
        var format12 = -1;
        for (var i = 0; i < count; i++)
        {
            var record = 4 + i * 8;
            int platform = U16(data, record);
            int encoding = U16(data, record + 2);
            var offset = checked((int)U32(data, record + 4));
            if (offset + 2 > data.Length)
            {
                continue;
            }

            int format = U16(data, offset);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (unicode && format == 12)
            {
                format12 = offset;
            }
            else if (unicode && format == 4 && format4 < 0)
            {
                format4 = offset;
            }
        }
        var codePoints = new HashSet<int>();
        if (format12 >= 0)
        {
            ReadFormat12(data[format12..], codePoints);
        }
        else if (format4 >= 0)
        {
            ReadFormat4(data[format4..], codePoints);
        }
        else
        {
            throw new InvalidDataException("字体缺少 Unicode 字符映射表（cmap）");
        }

        return new TrueTypeCmap(codePoints);
    }

    private static void ReadFormat12(ReadOnlySpan<byte> table, HashSet<int> codePoints)
    {
        var groups = checked((int)U32(table, 12));
        for (var i = 0; i < groups; i++)
        {
            var group = 16 + i * 12;
            var start = (int)U32(table, group);
            var end = (int)U32(table, group + 4);
            var firstGlyph = U32(table, group + 8);
            for (var c = start; c <= end; c++)
            {
                if (firstGlyph + (uint)(c - start) != 0)
                {
                    codePoints.Add(c);
                }
            }
        }
    }

    private static void ReadFormat4(ReadOnlySpan<byte> table, HashSet<int> codePoints)
    {
        var segments = U16(table, 6) / 2;
        var endCodes = 14;
        var startCodes = endCodes + 2 * segments + 2;
        var deltas = startCodes + 2 * segments;
        var rangeOffsets = deltas + 2 * segments;
        for (var s = 0; s < segments; s++)
        {
            int start = U16(table, startCodes + 2 * s);
            int end = U16(table, endCodes + 2 * s);
            int delta = U16(table, deltas + 2 * s);
            int rangeOffset = U16(table, rangeOffsets + 2 * s);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start);
                    glyph = at + 2 <= table.Length ? U16(table, at) : 0;
                    if (glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }
                if (glyph != 0)
                {
                    codePoints.Add(c);
                }
            }
        }
    }

    private static Range FindTable(byte[] font, uint tag)
    {
        int tables = U16(font, 4);
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + i * 16;
            if (U32(font, record) != tag)
            {
                continue;
            }

            var offset = checked((int)U32(font, record + 8));
            var length = checked((int)U32(font, record + 12));
            if (offset < 0 || length < 0 || (long)offset + length > font.Length)
            {
                break;
            }

            return offset..(offset + length);
        }
        throw new InvalidDataException("字体缺少 Unicode 字符映射表（cmap）");
    }

    private static ushort U16(ReadOnlySpan<byte> data, int offset) =>
        offset + 2 <= data.Length ? BinaryPrimitives.ReadUInt16BigEndian(data[offset..]) : throw new InvalidDataException("字体文件已损坏");

    private static uint U32(ReadOnlySpan<byte> data, int offset) =>
        offset + 4 <= data.Length ? BinaryPrimitives.ReadUInt32BigEndian(data[offset..]) : throw new InvalidDataException("字体文件已损坏");
}
