namespace ResearchPortal.Web.Infrastructure.Mail;

/// <summary>Settings under <c>Mail:</c>. With no SMTP host, each message is written as an .eml file to the pickup folder.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "noreply@researchportal.local";

    public string FromName { get; set; } = "高级研修项目管理平台";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Relative paths are under the content root; default <c>App_Data/mail</c>.</summary>
    public string PickupDirectory { get; set; } = Path.Combine("App_Data", "mail");
}
