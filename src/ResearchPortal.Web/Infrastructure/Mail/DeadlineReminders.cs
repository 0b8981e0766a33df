using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Infrastructure.Mail;

/// <summary>
/// Reminders about a close-out: to the host unit when it falls due soon and once it is overdue (what is due and when:
/// the domain's <see cref="ProjectProgress"/> and <see cref="NextDeadline.IsDueSoon"/>); to
/// the applicant unit for its acceptance score once the seminar has ended (or the host starts the close-out). Each is
/// sent once per project and due date (<see cref="SentReminder"/>), however often this runs.
/// </summary>
public sealed class DeadlineReminders(
    PortalDbContext db, CalendarService calendars, PortalClock clock, PortalNotifications notifications)
{
    /// <summary>Queues what is due today in the outbox; returns how many reminders were committed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var calendar = await calendars.LoadAsync(cancellationToken);
        // Ended seminars whose close-out the host still owes: not started, draft or returned.
        var owed = await (
            from filing in db.Filings
            where filing.Status == FilingStatus.Approved && filing.Dates!.End < today
            join project in db.PlanProjects on filing.PlanProjectId equals project.Id
            join closeOut in db.CloseOuts on project.Id equals closeOut.PlanProjectId into closeOuts
            from closeOut in closeOuts.DefaultIfEmpty()
            where closeOut == null || closeOut.Status == CloseOutStatus.Draft || closeOut.Status == CloseOutStatus.Returned
            select new
            {
                Project = project,
                Facts = new ProgressFacts(filing.Status, filing.Dates!.Start, filing.Dates!.End, closeOut == null ? null : closeOut.Status),
                Scored = closeOut != null && closeOut.Acceptance.ApplicantScore != null,
            })
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var row in owed)
        {
            if (ProjectProgress.Evaluate(row.Facts, today, calendar).NextDeadline is not { Kind: DeadlineKind.CloseOut } deadline)
            {
                continue;
            }

            var due = deadline.Due;
            if (!row.Scored && await SendOnceAsync(row.Project, ReminderKind.ApplicantScoreNeeded, due, cancellationToken))
            {
                sent++;
            }

            ReminderKind? kind = deadline.IsOverdue ? ReminderKind.CloseOutOverdue
                : deadline.IsDueSoon ? ReminderKind.CloseOutDueSoon
                : null;
            if (kind is { } hostReminder && await SendOnceAsync(row.Project, hostReminder, due, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Asks the applicant unit for its score unless it was asked already for this close-out deadline.</summary>
    public async Task RequestApplicantScoreAsync(PlanProject project, DateOnly seminarEnd, CancellationToken cancellationToken = default)
    {
        var due = CloseOutDeadlines.DueDate(seminarEnd, await calendars.LoadAsync(cancellationToken));
        await SendOnceAsync(project, ReminderKind.ApplicantScoreNeeded, due, cancellationToken);
    }

    /// <summary>Records the reminder and queues its mails in one SaveChanges: of two runs racing, only the one whose
    /// row is stored (the unique index) has its mails committed.</summary>
    private async Task<bool> SendOnceAsync(PlanProject project, ReminderKind kind, CalendarDate due, CancellationToken cancellationToken)
    {
        if (await db.SentReminders.AnyAsync(r => r.PlanProjectId == project.Id && r.Kind == kind && r.DueDate == due.Date, cancellationToken))
        {
            return false;
        }

        db.SentReminders.Add(new SentReminder(project.Id, kind, due.Date, clock.Now));
        await (kind switch
        {
            ReminderKind.CloseOutDueSoon => notifications.CloseOutDueSoonAsync(project, due),
            ReminderKind.CloseOutOverdue => notifications.CloseOutOverdueAsync(project, due),
            ReminderKind.ApplicantScoreNeeded => notifications.ApplicantScoreNeededAsync(project, due),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index: another run stored the same reminder a moment ago, with its mails.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is SentReminder or OutboxMail).ToList())
            {
                entry.State = EntityState.Detached;
            }

            return false;
        }

        return true;
    }
}

/// <summary>Runs <see cref="DeadlineReminders"/> once a day at <see cref="MailOptions.ReminderTimeOfDay"/> China time,
/// whenever the instance started. Every instance runs it; the <see cref="SentReminder"/> index lets each reminder
/// through once.</summary>
public sealed class DeadlineReminderWorker(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<MailOptions> options, ILogger<DeadlineReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var next = ReminderSchedule.NextRun(time.GetUtcNow(), options.Value.ReminderTimeOfDay);
            while (true)
            {
                var wait = next - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken);
                }

                await RunOnceAsync(stoppingToken);
                // From just after this run's time, so an early timer cannot run the same day twice.
                next = ReminderSchedule.NextRun(Max(time.GetUtcNow(), next) + TimeSpan.FromSeconds(1), options.Value.ReminderTimeOfDay);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    internal async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sent = await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().SendDueAsync(stoppingToken);
            logger.LogInformation("Deadline reminders queued: {Count}", sent);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Whatever failed (database down, a mail server's TLS error), tomorrow's run retries: an exception
            // escaping here would stop the whole portal, the host's default for a failed background service.
            logger.LogError(exception, "Deadline reminders failed");
        }
    }
}

/// <summary>When the daily reminder pass runs next: the given time of day in China (Asia/Shanghai, UTC+8 all year).</summary>
public static class ReminderSchedule
{
    /// <summary>The first moment at or after <paramref name="now"/> whose China wall-clock time is <paramref name="timeOfDay"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly timeOfDay)
    {
        var china = now.ToOffset(PortalClock.ChinaOffset);
        var today = new DateTimeOffset(DateOnly.FromDateTime(china.DateTime).ToDateTime(timeOfDay), PortalClock.ChinaOffset);
        return today >= china ? today : today.AddDays(1);
    }
}
