using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>Set to false where no background mail is wanted (tests trigger reminders themselves).</summary>
    public const string ReminderJobSetting = "Mail:DeadlineRemindersEnabled";

    /// <summary>Set to false where nothing should send in the background (tests flush the outbox with
    /// <see cref="OutboxSender.SendDueAsync"/>); mails then wait in the outbox.</summary>
    public const string OutboxWorkerSetting = "Mail:OutboxWorkerEnabled";

    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MailSender>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<OutboxSender>();
        services.AddSingleton<OutboxGate>();
        services.AddSingleton<OutboxWakeUp>();
        services.AddSingleton<OutboxCommitSignal>();
        services.ConfigureDbContext<PostgresPortalDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<OutboxCommitSignal>()));
        services.ConfigureDbContext<SqlitePortalDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<OutboxCommitSignal>()));
        if (configuration.GetValue(OutboxWorkerSetting, defaultValue: true))
        {
            services.AddHostedService<OutboxWorker>();
        }

        services.AddHealthChecks().AddCheck<OutboxBacklogHealthCheck>("outbox");
        services.AddScoped<PortalNotifications>();
        services.AddScoped<AccountMails>();
        services.AddScoped<DeadlineReminders>();
        if (configuration.GetValue(ReminderJobSetting, defaultValue: true))
        {
            services.AddHostedService<DeadlineReminderWorker>();
        }

        return services;
    }
}
