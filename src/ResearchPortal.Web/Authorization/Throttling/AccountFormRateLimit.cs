using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Authorization.Throttling;

/// <summary>
/// Limits the posts of each account form (log-in, registration, password pages) per client address, with the same
/// in-memory rate limiting as certificate look-ups. Partitions live in this instance's memory: several instances behind a
/// load balancer each count on their own (a shared store is issue 10).
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
        // One audit entry per throttled address and form and window, so a flood cannot flood the audit trail too.
        private readonly PartitionedRateLimiter<string> _audited = PartitionedRateLimiter.Create<string, string>(
            key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = Window }));

        public AccountFormPolicy()
        {
            OnRejected = RejectAsync;
        }

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; }

        public RateLimitPartition<string> GetPartition(HttpContext context) =>
            TooManyRequests.PostsOnly(context, PartitionKey(context), PostsPerWindow, Window);

        private static string PartitionKey(HttpContext context) =>
            $"{context.GetEndpoint()?.DisplayName}|{TooManyRequests.ClientAddress(context)}";

        private async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
        {
            var context = rejected.HttpContext;
            using (var lease = _audited.AttemptAcquire(PartitionKey(context)))
            {
                if (lease.IsAcquired)
                {
                    var services = context.RequestServices;
                    var actor = context.User.Identity?.IsAuthenticated == true ? context.User.ToActor() : AccountAudit.ActorOf(null);
                    services.GetRequiredService<AuditLog>().Record(
                        actor, AuditActions.AccountThrottled, context.GetEndpoint()?.DisplayName ?? context.Request.Path.Value ?? string.Empty,
                        details: $"{AccountAudit.Source(context)}：每分钟提交超过 {PostsPerWindow} 次");
                    await services.GetRequiredService<PortalDbContext>().SaveChangesAsync(cancellationToken);
                }
            }

            await TooManyRequests.RespondAsync(context, TooManyRequests.RetryAfterOf(rejected.Lease, Window), RejectionMessage, cancellationToken);
        }
    }
}
