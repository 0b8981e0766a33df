using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>
/// Output caching of the public seminar list (举办通知) for anonymous visitors: the same page is rendered for everyone,
/// so it is served from memory for <see cref="DefaultSeconds"/> seconds per query string. The seats it shows may
/// therefore lag an acceptance or a newly approved filing by that long; signed-in users (and the detail page, where
/// one enrolls) always see the database.
/// </summary>
public static class PublicPageCache
{
    public const string PolicyName = "PublicList";

    public const int DefaultSeconds = 15;

    public const string SecondsSetting = "PublicPageCache:Seconds";

    /// <summary>Puts a page under the policy (a page convention: endpoint metadata, as the rate limits).</summary>
    public static void Apply(PageApplicationModel page) => page.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = PolicyName });

    /// <summary><c>PublicPageCache:Seconds</c> overrides the duration; 0 turns the cache off.</summary>
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue(SecondsSetting, DefaultSeconds);
        return services.AddOutputCache(options =>
        {
            options.SizeLimit = 32 * 1024 * 1024;
            options.AddPolicy(PolicyName, new AnonymousOnlyPolicy(TimeSpan.FromSeconds(seconds)));
        });
    }

    /// <summary>GET/HEAD of a visitor who is not signed in and brings no TempData message (the layout shows and clears
    /// it, so that response is not shared); only a 200 setting no cookie is stored.</summary>
    private sealed class AnonymousOnlyPolicy(TimeSpan duration) : IOutputCachePolicy
    {
        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var cacheable = duration > TimeSpan.Zero
                && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && http.User.Identity?.IsAuthenticated != true
                && !http.Request.Cookies.ContainsKey(CookieTempDataProvider.CookieName);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = duration;
            context.CacheVaryByRules.QueryKeys = "*";
            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Any(cookie => !IsEmptyTempData(cookie)))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }

        /// <summary>The layout's TempData answers every request with the deletion of a cookie this visitor did not send: no state.</summary>
        private static bool IsEmptyTempData(string? cookie) => cookie?.StartsWith(CookieTempDataProvider.CookieName + "=;", StringComparison.Ordinal) == true;
    }
}
