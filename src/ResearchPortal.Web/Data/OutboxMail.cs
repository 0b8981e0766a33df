namespace ResearchPortal.Web.Data;

/// <summary>
/// One e-mail waiting to be sent, stored in the same transaction as the change it tells about, so a change that is
/// rolled back never mails and a committed one always does (see <c>Infrastructure/Mail/OutboxSender</c>).
/// </summary>
public sealed class OutboxMail
{
    public const int AddressMaxLength = 256;
    public const int SubjectMaxLength = 400;
    public const int ErrorMaxLength = 1000;

    private OutboxMail()
    {
    }

    public OutboxMail(string toAddress, string toName, string subject, string body, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        ToAddress = toAddress;
        ToName = toName;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string ToAddress { get; private set; } = string.Empty;

    public string ToName { get; private set; } = string.Empty;

    public string Subject { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Failed attempts so far; at the configured maximum the mail waits for a reviewer's 重新发送.</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The last failure, masked (no address or ID number).</summary>
    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset now) => SentAt = now;

    /// <summary>Counts a failed attempt and schedules the next one after <paramref name="retryAfter"/>.</summary>
    public void MarkFailed(DateTimeOffset now, string error, TimeSpan retryAfter)
    {
        Attempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        NextAttemptAt = now + retryAfter;
    }

    /// <summary>A reviewer's 重新发送: a fresh round of attempts from now; the last error stays until one succeeds.</summary>
    public void Retry(DateTimeOffset now)
    {
        Attempts = 0;
        NextAttemptAt = now;
    }
}
