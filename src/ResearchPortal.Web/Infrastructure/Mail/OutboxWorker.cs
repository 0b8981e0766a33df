using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Infrastructure.Mail;

/// <summary>
/// Runs an <see cref="OutboxSender"/> pass whenever a commit wrote mails (<see cref="OutboxCommitSignal"/>), and
/// every <see cref="MailOptions.OutboxPollInterval"/> for retries and mails another instance queued.
/// </summary>
public sealed class OutboxWorker(
    IServiceScopeFactory scopes, OutboxWakeUp wakeUp, IOptions<MailOptions> options, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await wakeUp.WaitAsync(options.Value.OutboxPollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down; unsent mails wait in the outbox for the next start.
        }
    }

    internal async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(waitForOtherSender: false, stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The database is down or the like: the next pass retries. An exception escaping would stop the host.
            logger.LogError(exception, "Outbox sending pass failed");
        }
    }
}

/// <summary>Wakes the <see cref="OutboxWorker"/> early; several wake-ups before it runs count as one.</summary>
public sealed class OutboxWakeUp : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

/// <summary>Wakes the outbox worker once a unit of work holding outbox mails has committed (after SaveChanges, or after
/// the explicit transaction around it), so mails leave within moments rather than at the next poll.</summary>
public sealed class OutboxCommitSignal(OutboxWakeUp wakeUp) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        NotifyIfHoldsMail(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyIfHoldsMail(eventData.Context);
        return Task.CompletedTask;
    }

    private void NotifyIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            NotifyIfHoldsMail(context);
        }
    }

    /// <summary>New mails (or ones a reviewer sent again) only: the sender's own bookkeeping wakes nobody.</summary>
    private void NotifyIfHoldsMail(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMail>().Any(e => e.Entity.SentAt is null && e.Entity.Attempts == 0))
        {
            wakeUp.Notify();
        }
    }
}
