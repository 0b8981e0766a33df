using System.IO.Compression;
using System.Text;
using System.Xml;

namespace ResearchPortal.Web.Documents.Xlsx;

/// <summary>
/// Reads the first worksheet of an uploaded .xlsx as rows of strings, refusing oversized, foreign, corrupt and
/// zip-bomb files with a <see cref="XlsxReadResult"/> instead of an exception.
/// </summary>
public static class XlsxReader
{
    private const long RatioCheckMinimumBytes = 1024 * 1024;
    private const string RelationshipsPath = "_rels/.rels";

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Buffers the upload (at most <see cref="XlsxReadLimits.MaxFileBytes"/>) and reads it.</summary>
    public static async Task<XlsxReadResult> ReadAsync(Stream input, XlsxReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= new XlsxReadLimits();
        try
        {
            using var file = await BufferWithinLimitAsync(input, limits.MaxFileBytes, cancellationToken);
            return file is null ? XlsxReadResult.Refused(XlsxReadError.FileTooLarge, limits) : ReadBuffered(file, limits);
        }
        catch (IOException)
        {
            return XlsxReadResult.Refused(XlsxReadError.Corrupt, limits);
        }
    }

    private static XlsxReadResult ReadBuffered(MemoryStream file, XlsxReadLimits limits)
    {
        if (!HasZipSignature(file))
            return XlsxReadResult.Refused(XlsxReadError.NotXlsx, limits);
        try
        {
            using var archive = new ZipArchive(file, ZipArchiveMode.Read);
            if (!DeclaredSizesWithinLimits(archive, limits))
                return XlsxReadResult.Refused(XlsxReadError.ExpandsTooLarge, limits);
            var package = new PackageReader(archive, limits.MaxUncompressedBytes);
            var workbookPath = package.FindRelationship(RelationshipsPath, "/officeDocument")?.Target;
            if (workbookPath is null)
                return XlsxReadResult.Refused(XlsxReadError.NotXlsx, limits);
            var workbookRelationships = RelationshipsPathOf(workbookPath);
            var sheetId = package.FirstSheetRelationshipId(workbookPath);
            var sheetPath = sheetId is null ? null : package.FindRelationship(workbookRelationships, id: sheetId)?.Target;
            if (sheetPath is null)
                return XlsxReadResult.Refused(XlsxReadError.Corrupt, limits);
            var sharedStringsPath = package.FindRelationship(workbookRelationships, "/sharedStrings")?.Target;
            var sharedStrings = sharedStringsPath is null ? [] : package.ReadSharedStrings(sharedStringsPath);
            return package.ReadRows(sheetPath, sharedStrings, limits);
        }
        catch (ExpansionLimitException)
        {
            return XlsxReadResult.Refused(XlsxReadError.ExpandsTooLarge, limits);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return XlsxReadResult.Refused(XlsxReadError.Corrupt, limits);
        }
    }

    private static async Task<MemoryStream?> BufferWithinLimitAsync(Stream input, long maxBytes, CancellationToken cancellationToken)
    {
        if (input.CanSeek && input.Length - input.Position > maxBytes)
            return null;
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    private static bool HasZipSignature(MemoryStream file)
    {
        var bytes = file.GetBuffer();
        return file.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /// <summary>First line of defence against zip bombs: sizes and ratios from the central directory.</summary>
    private static bool DeclaredSizesWithinLimits(ZipArchive archive, XlsxReadLimits limits)
    {
        var total = 0L;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            if (total > limits.MaxUncompressedBytes)
                return false;
            if (entry.Length > RatioCheckMinimumBytes && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
                return false;
        }
        return true;
    }

    private static string RelationshipsPathOf(string partPath)
    {
        var slash = partPath.LastIndexOf('/');
        return $"{partPath[..(slash + 1)]}_rels/{partPath[(slash + 1)..]}.rels";
    }

    private sealed record Relationship(string Id, string Type, string Target);

    /// <summary>Reads package parts through <see cref="LimitedReadStream"/>, so lying size headers cannot expand further.</summary>
    private sealed class PackageReader(ZipArchive archive, long maxUncompressedBytes)
    {
        private long remaining = maxUncompressedBytes;

        public Relationship? FindRelationship(string relationshipsPath, string? typeSuffix = null, string? id = null)
        {
            using var xml = OpenXml(relationshipsPath);
            if (xml is null)
                return null;
            var baseDirectory = relationshipsPath[..relationshipsPath.IndexOf("_rels/", StringComparison.Ordinal)];
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship")
                    continue;
                var relationship = new Relationship(xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", xml.GetAttribute("Target") ?? "");
                if ((typeSuffix is null || relationship.Type.EndsWith(typeSuffix, StringComparison.Ordinal)) && (id is null || relationship.Id == id))
                    return relationship with { Target = ResolvePath(baseDirectory, relationship.Target) };
            }
            return null;
        }

        public string? FirstSheetRelationshipId(string workbookPath)
        {
            using var xml = OpenXml(workbookPath) ?? throw new InvalidDataException("Workbook part missing.");
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "sheet")
                    continue;
                // r:id lives in the (transitional or strict) relationships namespace, whichever prefix is used.
                while (xml.MoveToNextAttribute())
                {
                    if (xml.LocalName == "id" && xml.NamespaceURI.Length > 0)
                        return xml.Value;
                }
                return null;
            }
            return null;
        }

        public List<string> ReadSharedStrings(string path)
        {
            var strings = new List<string>();
            using var xml = OpenXml(path) ?? throw new InvalidDataException("Shared strings part missing.");
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                    strings.Add(ReadContent(xml).Text);
            }
            return strings;
        }

        public XlsxReadResult ReadRows(string sheetPath, List<string> sharedStrings, XlsxReadLimits limits)
        {
            using var xml = OpenXml(sheetPath) ?? throw new InvalidDataException("Worksheet part missing.");
            var rows = new List<XlsxRow>();
            var cells = new List<string>();
            var rowNumber = 0;
            var inRow = false;

            bool EndRow()
            {
                var last = cells.FindLastIndex(c => c.Length > 0);
                if (inRow && last >= 0)
                    rows.Add(new XlsxRow(rowNumber, cells.GetRange(0, last + 1)));
                cells.Clear();
                return rows.Count <= limits.MaxRows;
            }

            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                    continue;
                if (xml.LocalName == "row")
                {
                    if (!EndRow())
                        return XlsxReadResult.Refused(XlsxReadError.TooManyRows, limits);
                    rowNumber = int.TryParse(xml.GetAttribute("r"), out var number) ? number : rowNumber + 1;
                    inRow = true;
                }
                else if (xml.LocalName == "c" && inRow)
                {
                    var column = ColumnNumber(xml.GetAttribute("r")) ?? cells.Count + 1;
                    if (column > limits.MaxColumns)
                        return XlsxReadResult.Refused(XlsxReadError.TooManyColumns, limits);
                    var type = xml.GetAttribute("t");
                    var content = xml.IsEmptyElement ? default : ReadContent(xml);
                    while (cells.Count < column)
                        cells.Add(string.Empty);
                    cells[column - 1] = FormulaGuard.Restore(CellText(type, content, sharedStrings));
                }
            }
            return EndRow() ? XlsxReadResult.Success(rows) : XlsxReadResult.Refused(XlsxReadError.TooManyRows, limits);
        }

        private XmlReader? OpenXml(string path)
        {
            var entry = archive.GetEntry(path);
            if (entry is null)
                return null;
            var stream = new LimitedReadStream(entry.Open(), Math.Min(entry.Length, remaining), read => remaining -= read);
            return XmlReader.Create(stream, XmlSettings);
        }

        private static string CellText(string? type, CellContent content, List<string> sharedStrings) => type switch
        {
            "s" => int.TryParse(content.Value, out var index) && index >= 0 && index < sharedStrings.Count
                ? sharedStrings[index]
                : throw new InvalidDataException("Shared string index out of range."),
            "inlineStr" => content.Text,
            _ => content.Value ?? string.Empty,
        };

        /// <summary>Collects the text runs (skipping phonetic runs) and the value of a cell or shared string item.</summary>
        private static CellContent ReadContent(XmlReader element)
        {
            using var xml = element.ReadSubtree();
            xml.Read();
            var text = new StringBuilder();
            string? value = null;
            xml.Read();
            while (!xml.EOF)
            {
                if (xml.NodeType == XmlNodeType.Element)
                {
                    switch (xml.LocalName)
                    {
                        case "t":
                            text.Append(xml.ReadElementContentAsString());
                            continue;
                        case "v":
                            value = xml.ReadElementContentAsString();
                            continue;
                        case "rPh":
                            xml.Skip();
                            continue;
                    }
                }
                xml.Read();
            }
            return new CellContent(text.ToString(), value);
        }

        private static int? ColumnNumber(string? reference)
        {
            if (string.IsNullOrEmpty(reference))
                return null;
            var number = 0;
            foreach (var c in reference)
            {
                if (c is < 'A' or > 'Z')
                    break;
                number = number * 26 + (c - 'A' + 1);
                if (number > 16384)
                    throw new InvalidDataException("Cell reference out of range.");
            }
            return number == 0 ? null : number;
        }

        private static string ResolvePath(string baseDirectory, string target)
        {
            var segments = new List<string>();
            var path = target.StartsWith('/') ? target[1..] : baseDirectory + target;
            foreach (var segment in path.Split('/'))
            {
                if (segment == "..")
                {
                    if (segments.Count > 0)
                        segments.RemoveAt(segments.Count - 1);
                }
                else if (segment is not ("." or ""))
                {
                    segments.Add(segment);
                }
            }
            return string.Join('/', segments);
        }
    }

    private readonly record struct CellContent(string Text, string? Value);

    private sealed class ExpansionLimitException : Exception;

    /// <summary>
    /// Counts decompressed bytes and stops at the entry's declared size or the archive-wide budget,
    /// whichever is smaller: a lying header cannot make it expand further.
    /// </summary>
    private sealed class LimitedReadStream(Stream inner, long limit, Action<long> consumed) : Stream
    {
        private long total;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => total; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            total += read;
            if (total > limit)
                throw new ExpansionLimitException();
            consumed(read);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
