using System.Diagnostics.Metrics;

namespace ResearchPortal.Web.Infrastructure.Mail;

/// <summary>
/// The outbox's meter: mails sent, failed attempts, and the backlog the last sending pass of this instance counted
/// (read from memory at a scrape, never a query per scrape; no value before this instance's first pass).
/// </summary>
public sealed class OutboxMetrics
{
    /// <summary>Also the name of <see cref="OutboxSender.Activities"/>, the outbox's spans.</summary>
    public const string MeterName = "ResearchPortal.Mail";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failedAttempts;
    private long _backlog = -1;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("portal.mail.sent", "{mail}", "Mails the SMTP server accepted");
        _failedAttempts = meter.CreateCounter<long>("portal.mail.failed_attempts", "{attempt}", "Sending attempts that failed (each is retried later until Mail:MaxAttempts)");
        meter.CreateObservableGauge("portal.mail.outbox.backlog", ObserveBacklog, "{mail}",
            "Unsent mails still to be tried, as counted at the end of this instance's last sending pass");
    }

    public void Sent() => _sent.Add(1);

    public void AttemptFailed() => _failedAttempts.Add(1);

    public void BacklogCounted(int count) => Interlocked.Exchange(ref _backlog, count);

    private IEnumerable<Measurement<long>> ObserveBacklog()
    {
        var backlog = Interlocked.Read(ref _backlog);
        return backlog < 0 ? [] : [new Measurement<long>(backlog)];
    }
}
