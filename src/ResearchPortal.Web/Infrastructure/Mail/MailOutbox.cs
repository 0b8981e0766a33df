using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Infrastructure.Mail;

/// <summary>
/// Where notifications put their mails: a row in the request's unit of work, saved by the same SaveChanges (and
/// transaction) as the change it tells about. Callers therefore queue mails before they save; <see cref="OutboxSender"/>
/// sends them after the commit.
/// </summary>
public sealed class MailOutbox(PortalDbContext db, PortalClock clock)
{
    public void Enqueue(string toAddress, string toName, string subject, string body) =>
        db.OutboxMails.Add(new OutboxMail(toAddress, toName, subject, body, clock.Now));
}
