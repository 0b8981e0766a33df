using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Infrastructure.Mail;

/// <summary>
/// One sending pass over the outbox: every due mail is sent and marked sent, or its failure counted and its next
/// attempt put off (doubling delays, <see cref="MailOptions.RetryDelay"/>). Only one pass runs at a time across all
/// instances — a PostgreSQL session advisory lock, plus <see cref="OutboxGate"/> within the process (SQLite serves one
/// instance) — so no mail is picked up by two senders. Each outcome is saved right after its attempt: a crash
/// between the SMTP server's acceptance and that save is the only way a mail could go twice.
/// </summary>
public sealed class OutboxSender(
    PortalDbContext db, MailSender mail, OutboxGate gate, PortalClock clock, IOptions<MailOptions> options, OutboxMetrics metrics,
    ILogger<OutboxSender> logger)
{
    /// <summary>PostgreSQL advisory lock key held during a sending pass.</summary>
    private const long SendingLockKey = 0x52505F4D41494C; // "RP_MAIL"

    private const int BatchSize = 50;

    /// <summary>A span per sending attempt (with its SMTP exchange and save), when tracing is on.</summary>
    public static readonly ActivitySource Activities = new(OutboxMetrics.MeterName);

    /// <summary>Sends what is due; returns how many mails went out.</summary>
    /// <param name="waitForOtherSender">The worker passes false and skips a pass another sender is running (that one
    /// sends the mails); true waits for it and then sends what is still due (tests flush the outbox this way).</param>
    public async Task<int> SendDueAsync(bool waitForOtherSender, CancellationToken cancellationToken = default)
    {
        if (!await gate.EnterAsync(waitForOtherSender, cancellationToken))
        {
            return 0;
        }

        try
        {
            if (db is not PostgresPortalDbContext)
            {
                return await SendBatchesAsync(cancellationToken);
            }

            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                if (!await LockAsync(waitForOtherSender, cancellationToken))
                {
                    return 0;
                }

                try
                {
                    return await SendBatchesAsync(cancellationToken);
                }
                finally
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({SendingLockKey})", CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            gate.Leave();
        }
    }

    private async Task<bool> LockAsync(bool wait, CancellationToken cancellationToken)
    {
        if (wait)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({SendingLockKey})", cancellationToken);
            return true;
        }

        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({SendingLockKey}) AS \"Value\"")
            .SingleAsync(cancellationToken);
    }

    private async Task<int> SendBatchesAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sent = 0;
        while (true)
        {
            var now = clock.Now;
            var due = await db.OutboxMails
                .Where(m => m.SentAt == null && m.Attempts < settings.MaxAttempts && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                // Once a pass, so a scrape reads the backlog from memory.
                metrics.BacklogCounted(await db.OutboxMails.CountAsync(m => m.SentAt == null && m.Attempts < settings.MaxAttempts, cancellationToken));
                return sent;
            }

            foreach (var message in due)
            {
                if (await SendOneAsync(message, settings, cancellationToken))
                {
                    sent++;
                }
            }
        }
    }

    private async Task<bool> SendOneAsync(OutboxMail message, MailOptions settings, CancellationToken cancellationToken)
    {
        using var activity = Activities.StartActivity("outbox send");
        activity?.SetTag("portal.mail.id", message.Id);
        var sent = false;
        try
        {
            await mail.SendAsync(message.ToAddress, message.ToName, message.Subject, message.Body, cancellationToken);
            message.MarkSent(clock.Now);
            metrics.Sent();
            sent = true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed mail is put off, never lost, and never stops the others.
            var error = Masking.ForLog(exception);
            message.MarkFailed(clock.Now, error, settings.RetryDelay(message.Attempts + 1));
            metrics.AttemptFailed();
            activity?.SetStatus(ActivityStatusCode.Error, error);
            logger.LogWarning("Mail {MailId} to {Recipient} failed (attempt {Attempt} of {MaxAttempts}): {Failure}",
                message.Id, Masking.Email(message.ToAddress), message.Attempts, settings.MaxAttempts, error);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return sent;
    }
}

/// <summary>Lets one sending pass run at a time within this process.</summary>
public sealed class OutboxGate : IDisposable
{
    private readonly SemaphoreSlim _pass = new(1, 1);

    public async Task<bool> EnterAsync(bool wait, CancellationToken cancellationToken)
    {
        if (wait)
        {
            await _pass.WaitAsync(cancellationToken);
            return true;
        }

        return await _pass.WaitAsync(TimeSpan.Zero, cancellationToken);
    }

    public void Leave() => _pass.Release();

    public void Dispose() => _pass.Dispose();
}
