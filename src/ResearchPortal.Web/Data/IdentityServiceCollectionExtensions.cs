using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Authorization.Passwords;
using ResearchPortal.Web.Authorization.Throttling;

namespace ResearchPortal.Web.Data;

public static class IdentityServiceCollectionExtensions
{
    public const string LoginPath = "/Account/Login";
    public const string AccessDeniedPath = "/Account/AccessDenied";

    public const int PasswordMinLength = 10;

    /// <summary>The rules of <see cref="AddPortalIdentity"/>, as every password form states them.</summary>
    public const string PasswordRules = "至少 10 位，须含大写字母、小写字母和数字，且不能是常见密码。";

    /// <summary>
    /// ASP.NET Core Identity on <see cref="PortalDbContext"/>: passwords of at least 10 characters with a digit, an upper-
    /// and a lower-case letter, not on the common-password list; one account per e-mail. No Identity lock-out: failed
    /// log-ins are throttled per (account, address) by <see cref="LoginThrottle"/> instead.
    /// </summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services
            .AddIdentity<PortalUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = PasswordMinLength;
                options.Password.RequireDigit = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = false;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        // The stamp itself is checked on every request (SessionStamp); this periodic check refreshes the cookie's claims.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.Events.OnValidatePrincipal = SessionStamp.ValidatePrincipalAsync;
        });
        services.AddScoped<PasswordCheck>();
        services.TryAddSingleton<SharedCounters>(); // also the rate limits' store (TooManyRequests.PostsOnly)
        services.AddSingleton<LoginThrottle>();
        return services;
    }
}
