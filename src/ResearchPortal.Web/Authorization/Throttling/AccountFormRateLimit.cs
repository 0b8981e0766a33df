using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Authorization.Throttling;

/// <summary>
/// Limits the posts of each account form (log-in, registration, password pages) per client address, with the same
/// rate limiting as certificate look-ups, counted in the database so all instances count together.
/// </summary>
public static class AccountFormRateLimit
{
    public const string PolicyName = "AccountForms";

    public const int PostsPerWindow = 30;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public const string RejectionMessage = "提交过于频繁，请一分钟后再试。";

    public static readonly IReadOnlyList<string> Pages =
        ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ChangePassword"];

    public static void Apply(PageConventionCollection conventions)
    {
        foreach (var page in Pages)
        {
            conventions.AddPageApplicationModelConvention(
                page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(PolicyName)));
        }
    }

    /// <summary>Registers the policy; the app must also call <c>app.UseRateLimiter()</c> after <c>UseRouting()</c>.</summary>
    public static IServiceCollection AddAccountFormRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(options => options.AddPolicy<string, AccountFormPolicy>(PolicyName));

    private sealed class AccountFormPolicy : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

        public RateLimitPartition<string> GetPartition(HttpContext context) =>
            TooManyRequests.PostsOnly(context, PartitionKey(context), PostsPerWindow, Window);

        private static string PartitionKey(HttpContext context) =>
            $"{context.GetEndpoint()?.DisplayName}|{TooManyRequests.ClientAddress(context)}";

        private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
        {
            var context = rejected.HttpContext;
            var services = context.RequestServices;
            // One audit entry per throttled address and form and window, so a flood cannot flood the audit trail too.
            var (refusals, _) = await services.GetRequiredService<SharedCounters>().IncrementAsync("audited:" + PartitionKey(context), Window, cancellationToken);
            if (refusals == 1)
            {
                var actor = context.User.Identity?.IsAuthenticated == true ? context.User.ToActor() : AccountAudit.ActorOf(null);
                services.GetRequiredService<AuditLog>().Record(
                    actor, AuditActions.AccountThrottled, context.GetEndpoint()?.DisplayName ?? context.Request.Path.Value ?? string.Empty,
                    details: $"{AccountAudit.Source(context)}：每分钟提交超过 {PostsPerWindow} 次");
                await services.GetRequiredService<PortalDbContext>().SaveChangesAsync(cancellationToken);
            }

            await TooManyRequests.RespondAsync(context, TooManyRequests.RetryAfterOf(rejected.Lease, Window), RejectionMessage, cancellationToken);
        }
    }
}
