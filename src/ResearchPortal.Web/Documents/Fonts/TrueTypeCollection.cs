using System.Buffers.Binary;

namespace ResearchPortal.Web.Documents.Fonts;

/// <summary>Turns font files into the standalone TrueType data PDFsharp can embed (it cannot read .ttc collections).</summary>
internal static class TrueTypeCollection
{
    private const uint TtcTag = 0x74746366;       // "ttcf"
    private const uint TrueTypeVersion = 0x00010000;
    private const uint AppleTrueTypeTag = 0x74727565; // "true"
    private const uint CffTag = 0x4F54544F;       // "OTTO"
    private const int OffsetTableSize = 12;
    private const int TableRecordSize = 16;

    /// <summary>Returns a standalone TrueType font: the file itself, or face 0 of a collection.</summary>
    /// <exception cref="InvalidDataException">The data is not a TrueType font with glyf outlines.</exception>
    public static byte[] ExtractFirstFace(byte[] file)
    {
        var tag = ReadUInt32(file, 0);
        if (tag == TtcTag)
        {
            var numFonts = ReadUInt32(file, 8);
            if (numFonts == 0)
            {
                throw new InvalidDataException("字体集合中没有字体");
            }

            return CopyFace(file, checked((int)ReadUInt32(file, 12)));
        }
        EnsureTrueTypeOutlines(tag);
        return file;
    }

    private static byte[] CopyFace(byte[] file, int faceOffset)
    {
        EnsureTrueTypeOutlines(ReadUInt32(file, faceOffset));
        int numTables = ReadUInt16(file, faceOffset + 4);
        var directorySize = OffsetTableSize + numTables * TableRecordSize;
        CheckRange(file, faceOffset, directorySize);

        var records = new (int Offset, int Length)[numTables];
        var total = directorySize;
        for (var i = 0; i < numTables; i++)
        {
            var record = faceOffset + OffsetTableSize + i * TableRecordSize;
            var offset = checked((int)ReadUInt32(file, record + 8));
            var length = checked((int)ReadUInt32(file, record + 12));
            CheckRange(file, offset, length);
            records[i] = (offset, length);
            total += Align4(length);
        }

        var font = new byte[total];
        // Offset table and directory keep their layout; only the table offsets change.
        Array.Copy(file, faceOffset, font, 0, directorySize);
        var next = directorySize;
        for (var i = 0; i < numTables; i++)
        {
            Array.Copy(file, records[i].Offset, font, next, records[i].Length);
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(OffsetTableSize + i * TableRecordSize + 8), (uint)next);
            next += Align4(records[i].Length);
        }
        return font;
    }

    private static void EnsureTrueTypeOutlines(uint version)
    {
        if (version == CffTag)
        {
            throw new InvalidDataException("该字体使用 CFF 轮廓（如 Noto CJK），PDFsharp 无法使用");
        }

        if (version != TrueTypeVersion && version != AppleTrueTypeTag)
        {
            throw new InvalidDataException("不是 TrueType 字体");
        }
    }

    private static int Align4(int length) => (length + 3) & ~3;

    private static void CheckRange(byte[] file, int offset, int length)
    {
        if (offset < 0 || length < 0 || (long)offset + length > file.Length)
        {
            throw new InvalidDataException("字体文件已损坏");
        }
    }

    private static uint ReadUInt32(byte[] file, int offset)
    {
        CheckRange(file, offset, 4);
        return BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));
    }

    private static ushort ReadUInt16(byte[] file, int offset)
    {
        CheckRange(file, offset, 2);
        return BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(offset));
    }
}
