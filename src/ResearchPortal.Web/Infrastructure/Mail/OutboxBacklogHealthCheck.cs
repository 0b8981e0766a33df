using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Infrastructure.Mail;

/// <summary>
/// Degraded while a mail has waited longer than <see cref="MailOptions.BacklogMaxAge"/> unsent (the mail server is
/// unreachable or refusing, or no sender runs). Never Unhealthy: a mail-server outage must not take every instance
/// out of the load balancer; <c>/healthz/ready</c> still answers 200 and names the backlog.
/// </summary>
public sealed class OutboxBacklogHealthCheck(PortalDbContext db, PortalClock clock, IOptions<MailOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var oldestAllowed = clock.Now - options.Value.BacklogMaxAge;
        var late = await db.OutboxMails.CountAsync(m => m.SentAt == null && m.CreatedAt < oldestAllowed, cancellationToken);
        return late == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"{late} 封邮件超过 {options.Value.BacklogMaxAge} 仍未发出（见 管理 → 邮件发送）。");
    }
}
