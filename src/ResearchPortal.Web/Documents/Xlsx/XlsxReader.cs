using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ResearchPortal.Web.Documents.Xlsx;

/// <summary>
/// Reads the first worksheet of an uploaded .xlsx as rows of strings with the Open XML SDK's streaming reader,
/// refusing oversized, foreign, corrupt and zip-bomb files with a <see cref="XlsxReadResult"/> instead of an exception.
/// </summary>
public static class XlsxReader
{
    private const long RatioCheckMinimumBytes = 1024 * 1024;
    private const int LastExcelColumn = 16384;

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
        {
            return XlsxReadResult.Refused(XlsxReadError.NotXlsx, limits);
        }

        try
        {
            if (!DeclaredSizesWithinLimits(file, limits))
            {
                return XlsxReadResult.Refused(XlsxReadError.ExpandsTooLarge, limits);
            }

            file.Position = 0;
            // Each entry inflates to at most its declared size (checked above); the character cap also bounds every part read.
            using var document = SpreadsheetDocument.Open(file, isEditable: false, new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes });
            if (document.WorkbookPart is not { } workbook)
            {
                return XlsxReadResult.Refused(XlsxReadError.NotXlsx, limits);
            }

            var sharedStrings = workbook.SharedStringTablePart is { } table ? ReadSharedStrings(table) : [];
            return FirstSheet(workbook) switch
            {
                WorksheetPart sheet => ReadRows(sheet, sharedStrings, limits),
                null => XlsxReadResult.Refused(XlsxReadError.Corrupt, limits),
                _ => XlsxReadResult.Success([]), // a chart sheet first: no rows
            };
        }
        catch (OpenXmlPackageException)
        {
            return XlsxReadResult.Refused(XlsxReadError.NotXlsx, limits);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or FormatException or NotSupportedException
                                       or InvalidOperationException or ArgumentException)
        {
            return XlsxReadResult.Refused(XlsxReadError.Corrupt, limits);
        }
    }

    private static async Task<MemoryStream?> BufferWithinLimitAsync(Stream input, long maxBytes, CancellationToken cancellationToken)
    {
        if (input.CanSeek && input.Length - input.Position > maxBytes)
        {
            return null;
        }

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
    private static bool DeclaredSizesWithinLimits(MemoryStream file, XlsxReadLimits limits)
    {
        using var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        var total = 0L;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            if (total > limits.MaxUncompressedBytes)
            {
                return false;
            }

            if (entry.Length > RatioCheckMinimumBytes && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
            {
                return false;
            }
        }

        return true;
    }

    private static OpenXmlPart? FirstSheet(WorkbookPart workbook)
    {
        var id = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()?.Id?.Value;
        return id is not null && workbook.TryGetPartById(id, out var part) ? part : null;
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart table)
    {
        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(table);
        var more = reader.Read();
        while (more)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                strings.Add(TextOf(reader.LoadCurrentElement()!));
                more = !reader.EOF; // loading moved the reader onto the next element already
                continue;
            }

            more = reader.Read();
        }

        return strings;
    }

    private static XlsxReadResult ReadRows(WorksheetPart sheet, List<string> sharedStrings, XlsxReadLimits limits)
    {
        var rows = new List<XlsxRow>();
        var cells = new List<string>();
        var rowNumber = 0;
        using var reader = OpenXmlReader.Create(sheet);
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    cells.Clear();
                    rowNumber = int.TryParse(reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value, out var number) ? number : rowNumber + 1;
                }
                else if (EndRow(rows, rowNumber, cells) > limits.MaxRows)
                {
                    return XlsxReadResult.Refused(XlsxReadError.TooManyRows, limits);
                }
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(Cell))
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                var column = ColumnNumber(cell.CellReference?.Value) ?? cells.Count + 1;
                if (column > limits.MaxColumns)
                {
                    return XlsxReadResult.Refused(XlsxReadError.TooManyColumns, limits);
                }

                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells[column - 1] = FormulaGuard.Restore(CellText(cell, sharedStrings));
                more = !reader.EOF; // loading moved the reader onto the next element already
                continue;
            }

            more = reader.Read();
        }

        return XlsxReadResult.Success(rows);
    }

    /// <summary>Keeps a row that has any text, trailing empty cells dropped; returns the count of rows kept.</summary>
    private static int EndRow(List<XlsxRow> rows, int rowNumber, List<string> cells)
    {
        var last = cells.FindLastIndex(c => c.Length > 0);
        if (last >= 0)
        {
            rows.Add(new XlsxRow(rowNumber, cells.GetRange(0, last + 1)));
        }

        cells.Clear();
        return rows.Count;
    }

    private static string CellText(Cell cell, List<string> sharedStrings)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(cell.CellValue?.Text, out var index) && index >= 0 && index < sharedStrings.Count
                ? sharedStrings[index]
                : throw new InvalidDataException("Shared string index out of range.");
        }

        return cell.DataType?.Value == CellValues.InlineString
            ? cell.InlineString is { } inline ? TextOf(inline) : string.Empty
            : cell.CellValue?.Text ?? string.Empty;
    }

    /// <summary>The text of a shared or inline string: its plain text or its runs, without phonetic runs.</summary>
    private static string TextOf(OpenXmlElement item) =>
        string.Concat(item.Elements<Text>().Select(t => t.Text).Concat(item.Elements<Run>().Select(r => r.Text?.Text)));

    private static int? ColumnNumber(string? reference)
    {
        var number = 0;
        foreach (var c in reference ?? string.Empty)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            number = number * 26 + (c - 'A' + 1);
            if (number > LastExcelColumn)
            {
                throw new InvalidDataException("Cell reference out of range.");
            }
        }

        return number == 0 ? null : number;
    }
}
