using System.Threading.RateLimiting;

namespace ResearchPortal.Web.Authorization.Throttling;

/// <summary>
/// One partition of a middleware rate limit, counted in <see cref="SharedCounters"/>. The middleware first tries
/// <see cref="RateLimiter.AttemptAcquire"/>, which cannot reach the database synchronously, so that only says
/// "wait"; the count happens in <see cref="RateLimiter.AcquireAsync"/>. It keeps no state but when it was last used.
/// </summary>
internal sealed class SharedWindowLimiter(SharedCounters counters, string key, int permitsPerWindow, TimeSpan window, TimeProvider time) : RateLimiter
{
    private long _lastUsed = time.GetTimestamp();

    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => new Lease(permitCount == 0, null);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        if (permitCount == 0)
        {
            return new Lease(true, null);
        }

        var (count, retryAfter) = await counters.IncrementAsync(key, window, cancellationToken);
        return count <= permitsPerWindow ? new Lease(true, null) : new Lease(false, retryAfter);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
