namespace ResearchPortal.Web.Documents;

/// <summary>
/// A write-only, non-seekable stream that keeps what is written to it until <see cref="DrainToAsync"/> passes it on.
/// ZipArchive writes parts of every entry synchronously, even through its async API, and Kestrel refuses synchronous
/// writes to a response: the archive writes here, and the caller drains each finished entry into the response
/// asynchronously, so no more than one entry is held at a time.
/// </summary>
internal sealed class PendingWrites : Stream
{
    private readonly MemoryStream _pending = new();
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    /// <summary>Writes everything pending to <paramref name="destination"/> and forgets it.</summary>
    public async Task DrainToAsync(Stream destination, CancellationToken cancellationToken)
    {
        await destination.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
        _pending.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _written += buffer.Length;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
