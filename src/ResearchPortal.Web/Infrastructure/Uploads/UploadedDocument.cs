using System.IO.Compression;
using ResearchPortal.Domain.Common;

namespace ResearchPortal.Web.Infrastructure.Uploads;

/// <summary>
/// Reads an uploaded attachment and checks it by size and by content, never by its name:
/// PDF ("%PDF-"), Word 97–2003 (OLE compound file) or Word 2007+ (a zip holding word/document.xml).
/// </summary>
public static class UploadedDocument
{
    public const long MaxBytes = 20L * 1024 * 1024;

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    public static async Task<Result<StoredFile>> ReadAsync(IFormFile? file, string label, string field, DateTimeOffset now)
    {
        if (file is null || file.Length == 0)
        {
            return Result.Failure<StoredFile>(new Error("Upload.Missing", $"请选择{label}文件。", field));
        }

        if (file.Length > MaxBytes)
        {
            return Result.Failure<StoredFile>(new Error("Upload.TooLarge", $"{label}文件不能超过 20 MB。", field));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        var content = buffer.ToArray();
        if (Detect(content) is not { } contentType)
        {
            return Result.Failure<StoredFile>(new Error("Upload.WrongType", $"{label}只能是 PDF、DOC 或 DOCX 文件（按文件内容判断）。", field));
        }

        return StoredFile.Create(file.FileName, contentType, content, now);
    }

    /// <summary>
    /// A sentence telling the user the file was stored under another name (a path, control characters or a name too
    /// long were removed), to add to the page's success message; null when the name was kept as chosen.
    /// </summary>
    public static string? RenamedNote(IFormFile file, StoredFile stored)
    {
        if (stored.FileName == file.FileName)
        {
            return null;
        }

        var chosen = file.FileName.Length > 40 ? $"{file.FileName[..40]}…" : file.FileName;
        return $"文件名“{chosen}”含路径、不允许的字符或超过 {StoredFile.FileNameMaxLength} 个字符，已保存为“{stored.FileName}”。";
    }

    /// <summary>The content type the bytes really are, or null when they are none of the accepted kinds.</summary>
    public static string? Detect(byte[] content)
    {
        if (content.AsSpan().StartsWith(PdfSignature))
        {
            return "application/pdf";
        }

        if (content.AsSpan().StartsWith(OleSignature))
        {
            return "application/msword";
        }

        return content.AsSpan().StartsWith(ZipSignature) && IsWordDocument(content)
            ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            : null;
    }

    private static bool IsWordDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
