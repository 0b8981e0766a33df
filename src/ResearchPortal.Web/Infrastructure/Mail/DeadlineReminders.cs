using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Infrastructure.Mail;

/// <summary>
/// Close-out reminders to the host unit: when the close-out falls due within 3 working days, and once it is
/// overdue. Each is sent once per project and due date (<see cref="SentReminder"/>), however often this runs.
/// </summary>
public sealed class DeadlineReminders(
    PortalDbContext db, CalendarService calendars, PortalClock clock, PortalNotifications notifications)
{
    public const int DueSoonWorkingDays = 3;

    /// <summary>Sends what is due today; returns how many reminders went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var calendar = await calendars.LoadAsync(cancellationToken);
        var finishedOrPending = await db.CloseOuts
            .Where(c => c.Status == CloseOutStatus.Submitted || c.Status == CloseOutStatus.Accepted)
            .Select(c => c.PlanProjectId)
            .ToListAsync(cancellationToken);
        var approved = await db.Filings
            .Where(f => f.Status == FilingStatus.Approved && !finishedOrPending.Contains(f.PlanProjectId))
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var filing in approved.Where(f => f.EndDate < today))
        {
            var due = CloseOutDeadlines.DueDate(filing.EndDate!.Value, calendar).Date;
            ReminderKind? kind = today > due ? ReminderKind.CloseOutOverdue
                : calendar.WorkingDaysBetween(today, due).Count <= DueSoonWorkingDays ? ReminderKind.CloseOutDueSoon
                : null;
            if (kind is null || await AlreadySentAsync(filing.PlanProjectId, kind.Value, due, cancellationToken))
            {
                continue;
            }

            var project = await db.PlanProjects.SingleAsync(p => p.Id == filing.PlanProjectId, cancellationToken);
            await (kind == ReminderKind.CloseOutOverdue
                ? notifications.CloseOutOverdueAsync(project, due)
                : notifications.CloseOutDueSoonAsync(project, due));
            db.SentReminders.Add(new SentReminder(project.Id, kind.Value, due, clock.Now));
            await db.SaveChangesAsync(cancellationToken);
            sent++;
        }

        return sent;
    }

    private Task<bool> AlreadySentAsync(Guid projectId, ReminderKind kind, DateOnly due, CancellationToken cancellationToken) =>
        db.SentReminders.AnyAsync(r => r.PlanProjectId == projectId && r.Kind == kind && r.DueDate == due, cancellationToken);
}

/// <summary>Runs <see cref="DeadlineReminders"/> shortly after start-up and then once a day.</summary>
public sealed class DeadlineReminderWorker(IServiceScopeFactory scopes, ILogger<DeadlineReminderWorker> logger) : BackgroundService
{
    private static readonly TimeSpan StartDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(StartDelay, stoppingToken);
            using var daily = new PeriodicTimer(TimeSpan.FromDays(1));
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await daily.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sent = await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().SendDueAsync(stoppingToken);
            logger.LogInformation("Deadline reminders sent: {Count}", sent);
        }
        catch (DbUpdateException exception)
        {
            // Tomorrow's run retries; a reminder never blocks the portal.
            logger.LogError(exception, "Deadline reminders failed");
        }
    }
}
