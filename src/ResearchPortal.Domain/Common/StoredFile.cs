namespace ResearchPortal.Domain.Common;

/// <summary>An uploaded file kept in the database (attachments, outcome files).</summary>
public sealed class StoredFile
{
    public const int FileNameMaxLength = 255;

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
        var errors = new ErrorCollector()
            .RequiredWithin(fileName, FileNameMaxLength, nameof(FileName), "文件名")
            .When(content is null || content.Length == 0, "StoredFile.Empty", "上传的文件是空的，请重新选择文件。", nameof(Content));

        return errors.ToResult(() => new StoredFile
        {
            Id = Guid.CreateVersion7(),
            FileName = Path.GetFileName(fileName.Trim()),
            ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Trim(),
            Length = content!.Length,
            Content = content,
            UploadedAt = now,
        });
    }
}
