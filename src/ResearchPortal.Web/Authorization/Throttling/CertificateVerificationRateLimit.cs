using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace ResearchPortal.Web.Authorization.Throttling;

/// <summary>
/// Limits certificate look-ups per client IP, so the public page cannot be used to guess holders' names.
/// Only look-ups (POST) count; opening the page from a QR code does not.
/// </summary>
public static class CertificateVerificationRateLimit
{
    public const string PolicyName = "CertificateVerification";

    public const int LookupsPerWindow = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public const string RejectionMessage = "查询过于频繁，请一分钟后再试。";

    /// <summary>Puts the policy on the verification page's endpoint (an attribute on a page model is not endpoint metadata).</summary>
    public static void Apply(PageApplicationModel page) => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(PolicyName));

    /// <summary>Registers the policy; the app must also call <c>app.UseRateLimiter()</c> after <c>UseRouting()</c>.</summary>
    public static IServiceCollection AddCertificateVerificationRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            // 429 with Retry-After (when the window ends) and no body: the status code pages show the Chinese error page,
            // which says RejectionMessage. Policies with their own rejection (the account forms) keep theirs.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, cancellationToken) =>
                TooManyRequests.RespondAsync(rejected.HttpContext, TooManyRequests.RetryAfterOf(rejected.Lease, Window), RejectionMessage, cancellationToken);
            options.AddPolicy(PolicyName, context =>
                TooManyRequests.PostsOnly(context, "lookup:" + TooManyRequests.ClientAddress(context), LookupsPerWindow, Window));
        });
}
