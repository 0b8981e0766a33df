using System.Threading.RateLimiting;

namespace ResearchPortal.Web.Authorization.Throttling;

/// <summary>
/// Replaces Identity's lock-out, which let anyone lock any account for everyone: failed log-ins are counted per
/// (account, client address), so one address exhausts only its own attempts at that account, and per account under a
/// much higher ceiling across all addresses. Keys are the normalized typed e-mail, so unknown e-mails are throttled
/// exactly like real ones. In-memory, per instance (a shared store is issue 10).
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    public const int FailuresPerAccountAndAddress = 5;

    public static readonly TimeSpan AccountAndAddressWindow = TimeSpan.FromMinutes(15);

    public const int FailuresPerAccount = 100;

    public static readonly TimeSpan AccountWindow = TimeSpan.FromHours(1);

    private readonly PartitionedRateLimiter<string> _perAccountAndAddress = FixedWindows(FailuresPerAccountAndAddress, AccountAndAddressWindow);
    private readonly PartitionedRateLimiter<string> _perAccount = FixedWindows(FailuresPerAccount, AccountWindow);

    // One audit entry per throttled (account, address) and window: the first refusal, not each of a flood.
    private readonly PartitionedRateLimiter<string> _audited = FixedWindows(1, AccountAndAddressWindow);

    /// <summary>Null when this address may try this account now; otherwise how long it must wait.</summary>
    public TimeSpan? RetryAfter(string normalizedEmail, string address)
    {
        // Asking for zero permits only tests whether any are left.
        using var pair = _perAccountAndAddress.AttemptAcquire(PairKey(normalizedEmail, address), 0);
        if (!pair.IsAcquired)
        {
            return TooManyRequests.RetryAfterOf(pair, AccountAndAddressWindow);
        }

        using var account = _perAccount.AttemptAcquire(normalizedEmail, 0);
        return account.IsAcquired ? null : TooManyRequests.RetryAfterOf(account, AccountWindow);
    }

    public void RecordFailure(string normalizedEmail, string address)
    {
        _perAccountAndAddress.AttemptAcquire(PairKey(normalizedEmail, address)).Dispose();
        _perAccount.AttemptAcquire(normalizedEmail).Dispose();
    }

    /// <summary>True for the first refusal of this (account, address) in a window.</summary>
    public bool IsFirstRefusal(string normalizedEmail, string address)
    {
        using var lease = _audited.AttemptAcquire(PairKey(normalizedEmail, address));
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _perAccountAndAddress.Dispose();
        _perAccount.Dispose();
        _audited.Dispose();
    }

    private static string PairKey(string normalizedEmail, string address) => $"{normalizedEmail}|{address}";

    private static PartitionedRateLimiter<string> FixedWindows(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
}
