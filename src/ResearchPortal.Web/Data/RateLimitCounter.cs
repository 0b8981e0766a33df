namespace ResearchPortal.Web.Data;

/// <summary>
/// The current fixed window of one throttle key (e.g. <c>lookup:203.0.113.7</c>), shared by every instance on the
/// database; the window starts at the key's first count, as in-memory rate limiters do. Written only by
/// <see cref="Authorization.Throttling.SharedCounters"/> with an atomic upsert.
/// </summary>
public sealed class RateLimitCounter
{
    private RateLimitCounter()
    {
        Key = string.Empty;
    }

    public const int KeyMaxLength = 400;

    public string Key { get; private set; }

    /// <summary>Start of the window, in Unix milliseconds.</summary>
    public long WindowStart { get; private set; }

    public int Count { get; private set; }

    /// <summary>End of the window, in Unix milliseconds: the next count starts a new window; the row may be deleted.</summary>
    public long ExpiresAt { get; private set; }
}
