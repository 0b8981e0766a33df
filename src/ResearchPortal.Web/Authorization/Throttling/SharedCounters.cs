using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Authorization.Throttling;

/// <summary>
/// Fixed-window counters in the database (<see cref="RateLimitCounter"/>), so every instance behind the load balancer
/// counts the same client together. A key's window starts at its first count (as the in-memory limiters did); each
/// count is one atomic upsert, which starts a new window once the old one is over. Expired rows are deleted now and then.
/// </summary>
public sealed class SharedCounters(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan CleanUpEvery = TimeSpan.FromMinutes(10);
    private long _nextCleanUp;

    /// <summary>Counts one more in the current window of <paramref name="key"/>; returns the new count and the time left in the window.</summary>
    public async Task<(int Count, TimeSpan RetryAfter)> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var end = now + (long)window.TotalMilliseconds;
        var stored = Stored(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await CleanUpNowAndThenAsync(db, now, cancellationToken);
        // The SET expressions all read the row as it was, so an expired window restarts at 1 in one statement.
        var rows = await db.Database.SqlQuery<CountedWindow>($"""
            INSERT INTO "RateLimitCounters" ("Key", "WindowStart", "Count", "ExpiresAt") VALUES ({stored}, {now}, 1, {end})
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "RateLimitCounters"."ExpiresAt" <= {now} THEN 1 ELSE "RateLimitCounters"."Count" + 1 END,
                "WindowStart" = CASE WHEN "RateLimitCounters"."ExpiresAt" <= {now} THEN {now} ELSE "RateLimitCounters"."WindowStart" END,
                "ExpiresAt" = CASE WHEN "RateLimitCounters"."ExpiresAt" <= {now} THEN {end} ELSE "RateLimitCounters"."ExpiresAt" END
            RETURNING "Count", "ExpiresAt"
            """).ToListAsync(cancellationToken);
        var counted = rows.Single();
        return (counted.Count, TimeSpan.FromMilliseconds(counted.ExpiresAt - now));
    }

    /// <summary>The count so far in the current window of <paramref name="key"/> (0 when none), and the time left in it.</summary>
    public async Task<(int Count, TimeSpan RetryAfter)> CountAsync(string key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var stored = Stored(key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var current = await db.RateLimitCounters.Where(c => c.Key == stored && c.ExpiresAt > now)
            .Select(c => new { c.Count, c.ExpiresAt }).FirstOrDefaultAsync(cancellationToken);
        return current is null ? (0, TimeSpan.Zero) : (current.Count, TimeSpan.FromMilliseconds(current.ExpiresAt - now));
    }

    /// <summary>A limiter for the rate-limiting middleware that counts <paramref name="key"/> here.</summary>
    public RateLimiter Limiter(string key, int permitsPerWindow, TimeSpan window) => new SharedWindowLimiter(this, key, permitsPerWindow, window, time);

    private static string Stored(string key) => key.Length <= RateLimitCounter.KeyMaxLength ? key : key[..RateLimitCounter.KeyMaxLength];

    private async Task CleanUpNowAndThenAsync(PortalDbContext db, long now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextCleanUp);
        if (now < due || Interlocked.CompareExchange(ref _nextCleanUp, now + (long)CleanUpEvery.TotalMilliseconds, due) != due)
        {
            return;
        }

        await db.RateLimitCounters.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }

    private sealed class CountedWindow
    {
        public int Count { get; init; }

        public long ExpiresAt { get; init; }
    }
}
