using Microsoft.AspNetCore.Authorization;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Authorization;

public static class AuthorizationServiceCollectionExtensions
{
    public const string ReviewerPolicy = "Reviewer";
    public const string OrganizerPolicy = "Organizer";
    public const string TraineePolicy = "Trainee";

    /// <summary>Role policies for whole page folders plus the resource handler every project page calls.</summary>
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ReviewerPolicy, policy => policy.RequireRole(PortalRoles.Reviewer))
            .AddPolicy(OrganizerPolicy, policy => policy.RequireRole(PortalRoles.Organizer))
            .AddPolicy(TraineePolicy, policy => policy.RequireRole(PortalRoles.Trainee));
        services.AddSingleton<IAuthorizationHandler, ProjectAuthorizationHandler>();
        services.AddScoped<ProjectAccess>();
        return services;
    }
}
