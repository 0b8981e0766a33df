using MimeKit;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Mail;

/// <summary>One mail from the pickup folder, decoded.</summary>
public sealed record SentMail(string To, string Subject, string Body)
{
    /// <summary>The one absolute link the body carries.</summary>
    public string Link => Body.Split('\n').Single(line => line.StartsWith("办理与查看：", StringComparison.Ordinal))["办理与查看：".Length..].Trim();
}

/// <summary>Reads the .eml files a <see cref="PortalApp"/> wrote to its pickup folder.</summary>
public static class MailBox
{
    public static IReadOnlyList<SentMail> All(PortalApp app) => app.MailFiles()
        .Select(path => MimeMessage.Load(path))
        .Select(message => new SentMail(
            message.To.Mailboxes.Single().Address, message.Subject ?? string.Empty, (message.TextBody ?? string.Empty).ReplaceLineEndings("\n")))
        .ToList();

    public static IReadOnlyList<SentMail> To(PortalApp app, string address) =>
        All(app).Where(mail => string.Equals(mail.To, address, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The absolute address of a page as mails must link it: from Portal:PublicBaseUrl, whatever host was asked.</summary>
    public static string LinkTo(string pathAndQuery) => PortalApp.PublicBaseUrl + pathAndQuery;
}
