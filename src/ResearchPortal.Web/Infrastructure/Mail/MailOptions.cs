using System.ComponentModel.DataAnnotations;

namespace ResearchPortal.Web.Infrastructure.Mail;

/// <summary>Settings under <c>Mail:</c>. With no SMTP host, each message is written as an .eml file to the pickup folder.
/// Checked at start-up (<see cref="MailServiceCollectionExtensions"/>).</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    [Required(ErrorMessage = "设置 Mail:From（发件地址）不能为空。")]
    [EmailAddress(ErrorMessage = "设置 Mail:From 不是有效的电子邮箱地址。")]
    public string From { get; set; } = "noreply@researchportal.local";

    public string FromName { get; set; } = "高级研修项目管理平台";

    public string? SmtpHost { get; set; }

    [Range(1, 65535, ErrorMessage = "设置 Mail:SmtpPort 须在 1–65535 之间。")]
    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Relative paths are under the content root; default <c>App_Data/mail</c>.</summary>
    public string PickupDirectory { get; set; } = Path.Combine("App_Data", "mail");

    /// <summary>Attempts per mail before it waits for a reviewer's 重新发送 (管理 → 邮件发送).</summary>
    [Range(1, 50, ErrorMessage = "设置 Mail:MaxAttempts 须在 1–50 之间。")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubled after each further one (1, 2, 4 … minutes), at most <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "设置 Mail:FirstRetryDelay 须在 1 秒到 1 天之间（如 00:01:00）。")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "设置 Mail:MaxRetryDelay 须在 1 秒到 7 天之间（如 02:00:00）。")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the outbox worker looks for due mails when no commit woke it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "设置 Mail:OutboxPollInterval 须在 1 秒到 1 小时之间（如 00:00:15）。")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Readiness reports Degraded while an unsent mail is older than this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "设置 Mail:BacklogMaxAge 须在 1 秒到 7 天之间（如 00:15:00）。")]
    public TimeSpan BacklogMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>When the daily close-out reminder pass runs, in China time (Asia/Shanghai), e.g. <c>07:30</c>.</summary>
    public TimeOnly ReminderTimeOfDay { get; set; } = new(7, 30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < FirstRetryDelay)
        {
            yield return new ValidationResult("设置 Mail:MaxRetryDelay 不能小于 Mail:FirstRetryDelay。", [nameof(MaxRetryDelay)]);
        }

        if (!string.IsNullOrEmpty(SmtpUser) && string.IsNullOrEmpty(SmtpPassword))
        {
            yield return new ValidationResult("设置了 Mail:SmtpUser 却没有 Mail:SmtpPassword。", [nameof(SmtpPassword)]);
        }
    }

    /// <summary>The wait before attempt <paramref name="failures"/> + 1: doubling from <see cref="FirstRetryDelay"/>, capped.</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var doubled = FirstRetryDelay.TotalSeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(doubled, MaxRetryDelay.TotalSeconds));
    }
}
