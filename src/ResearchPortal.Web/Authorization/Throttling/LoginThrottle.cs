namespace ResearchPortal.Web.Authorization.Throttling;

/// <summary>
/// Replaces Identity's lock-out, which let anyone lock any account for everyone: failed log-ins are counted per
/// (account, client address), so one address exhausts only its own attempts at that account, and per account under a
/// much higher ceiling across all addresses. Keys are the normalized typed e-mail, so unknown e-mails are throttled
/// exactly like real ones. Counted in the database (<see cref="SharedCounters"/>), so all instances count together.
/// </summary>
public sealed class LoginThrottle(SharedCounters counters)
{
    public const int FailuresPerAccountAndAddress = 5;

    public static readonly TimeSpan AccountAndAddressWindow = TimeSpan.FromMinutes(15);

    public const int FailuresPerAccount = 100;

    public static readonly TimeSpan AccountWindow = TimeSpan.FromHours(1);

    /// <summary>Null when this address may try this account now; otherwise how long it must wait.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string normalizedEmail, string address, CancellationToken cancellationToken = default)
    {
        var pair = await counters.CountAsync(PairKey(normalizedEmail, address), cancellationToken);
        if (pair.Count >= FailuresPerAccountAndAddress)
        {
            return pair.RetryAfter;
        }

        var account = await counters.CountAsync(AccountKey(normalizedEmail), cancellationToken);
        return account.Count >= FailuresPerAccount ? account.RetryAfter : null;
    }

    public async Task RecordFailureAsync(string normalizedEmail, string address, CancellationToken cancellationToken = default)
    {
        await counters.IncrementAsync(PairKey(normalizedEmail, address), AccountAndAddressWindow, cancellationToken);
        await counters.IncrementAsync(AccountKey(normalizedEmail), AccountWindow, cancellationToken);
    }

    /// <summary>True for the first refusal of this (account, address) in a window: one audit entry, not one per attempt of a flood.</summary>
    public async Task<bool> IsFirstRefusalAsync(string normalizedEmail, string address, CancellationToken cancellationToken = default) =>
        (await counters.IncrementAsync("login-refused:" + PairKey(normalizedEmail, address), AccountAndAddressWindow, cancellationToken)).Count == 1;

    private static string PairKey(string normalizedEmail, string address) => $"login-pair:{normalizedEmail}|{address}";

    private static string AccountKey(string normalizedEmail) => $"login-account:{normalizedEmail}";
}
