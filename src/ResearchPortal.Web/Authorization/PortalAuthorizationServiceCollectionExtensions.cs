using Microsoft.AspNetCore.Authorization;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Authorization;

public static class PortalAuthorizationServiceCollectionExtensions
{
    /// <summary>Role policies for whole page folders plus the resource handler every project page calls.</summary>
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Reviewer, policy => policy.RequireRole(PortalRoles.Reviewer))
            .AddPolicy(PortalPolicies.Organizer, policy => policy.RequireRole(PortalRoles.Organizer))
            .AddPolicy(PortalPolicies.Trainee, policy => policy.RequireRole(PortalRoles.Trainee))
            .AddPolicy(PortalPolicies.OrganizerOrReviewer, policy => policy.RequireRole(PortalRoles.Organizer, PortalRoles.Reviewer))
            .AddPolicy(PortalPolicies.SignedIn, policy => policy.RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationHandler, ProjectAuthorizationHandler>();
        services.AddScoped<ProjectAccess>();
        return services;
    }
}
