namespace ResearchPortal.Web.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>Set to false where no background mail is wanted (tests trigger reminders themselves).</summary>
    public const string ReminderJobSetting = "Mail:DeadlineRemindersEnabled";

    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailSender>();
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
