namespace ResearchPortal.Web.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailSender>();
        services.AddScoped<PortalNotifications>();
        return services;
    }
}
