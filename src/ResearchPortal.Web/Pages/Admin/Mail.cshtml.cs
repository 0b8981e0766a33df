using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Listing;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.Admin;

/// <summary>邮件发送: the mails not sent yet, oldest first — still retrying, or failed after every attempt and waiting
/// for 重新发送.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class MailModel(PortalDbContext db, AuditLog audit, PortalClock clock, IOptions<MailOptions> options) : ListPageModel
{
    public PagedList<UnsentMail> Mails { get; private set; } = null!;

    public int FailedCount { get; private set; }

    public int MaxAttempts => options.Value.MaxAttempts;

    public async Task OnGetAsync()
    {
        var unsent = db.OutboxMails.AsNoTracking().Where(m => m.SentAt == null);
        FailedCount = await unsent.CountAsync(m => m.Attempts >= MaxAttempts);
        Mails = await unsent
            .OrderBy(m => m.CreatedAt)
            .Select(m => new UnsentMail(m.Id, m.ToAddress, m.ToName, m.Subject, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.LastError))
            .ToPagedListAsync(PageNumber);
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        var mail = await db.OutboxMails.SingleOrDefaultAsync(m => m.Id == id);
        if (mail is null)
        {
            return NotFound();
        }

        if (mail.SentAt is not null || mail.Attempts < MaxAttempts)
        {
            TempData["StatusMessage"] = mail.SentAt is null ? "该邮件仍在自动重试，无需重新发送。" : "该邮件已发出。";
            return RedirectToPage(new { p = PageNumber });
        }

        mail.Retry(clock.Now);
        audit.Record(User.ToActor(), AuditActions.MailResent, $"邮件“{mail.Subject}”（{Masking.Email(mail.ToAddress)}）");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = $"已重新发送：{mail.Subject}";
        return RedirectToPage(new { p = PageNumber });
    }

    public sealed record UnsentMail(
        Guid Id, string ToAddress, string ToName, string Subject, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset NextAttemptAt, string? LastError)
    {
        /// <summary>Enough for a reviewer to recognise the recipient and the mail server's domain, no more.</summary>
        public string Recipient => $"{Masking.Name(ToName)} {Masking.Email(ToAddress)}";
    }
}
