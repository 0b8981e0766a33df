namespace ResearchPortal.Domain.Common;

/// <summary>An uploaded file kept in the database (attachments, outcome files).</summary>
public sealed class StoredFile
{
    /// <summary>Longer names are shortened (keeping the extension) rather than refused.</summary>
    public const int FileNameMaxLength = 255;

    private const string UnsafeFileNameCharacters = "<>:\"|?*";

    private StoredFile()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Content = [];
    }

    public Guid Id { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public static Result<StoredFile> Create(string fileName, string contentType, byte[] content, DateTimeOffset now)
    {
        var cleanName = CleanFileName(fileName);
        var errors = new ErrorCollector()
            .Required(cleanName, nameof(FileName), "文件名")
            .When(content is null || content.Length == 0, "StoredFile.Empty", "上传的文件是空的，请重新选择文件。", nameof(Content));

        return errors.ToResult(() => new StoredFile
        {
            Id = Guid.CreateVersion7(),
            FileName = cleanName,
            ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Trim(),
            Length = content!.Length,
            Content = content,
            UploadedAt = now,
        });
    }

    /// <summary>The last segment of a path given with either slash (a browser may send "..\\..\\evil.pdf"), without
    /// control or reserved characters, shortened to <see cref="FileNameMaxLength"/> with its extension kept.</summary>
    public static string CleanFileName(string? fileName)
    {
        var lastSegment = (fileName ?? string.Empty).Split('/', '\\')[^1];
        var cleaned = new string([.. lastSegment.Where(c => !char.IsControl(c) && !UnsafeFileNameCharacters.Contains(c))]).Trim().Trim('.');
        if (cleaned.Length <= FileNameMaxLength)
        {
            return cleaned;
        }

        var extension = Path.GetExtension(cleaned);
        extension = extension.Length is > 1 and <= 10 ? extension : string.Empty;
        return cleaned[..(FileNameMaxLength - extension.Length)] + extension;
    }
}
