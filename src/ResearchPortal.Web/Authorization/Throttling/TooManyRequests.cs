using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;

namespace ResearchPortal.Web.Authorization.Throttling;

/// <summary>The 429 answer of every throttle: a Retry-After header, and a short Chinese body unless a status-code page renders one.</summary>
public static class TooManyRequests
{
    public static void SetRetryAfter(HttpResponse response, TimeSpan retryAfter)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    public static TimeSpan RetryAfterOf(RateLimitLease lease, TimeSpan window) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;

    /// <summary>Answers 429; writes <paramref name="message"/> only when no status-code page is there to render the response.</summary>
    public static async ValueTask RespondAsync(HttpContext context, TimeSpan retryAfter, string message, CancellationToken cancellationToken)
    {
        SetRetryAfter(context.Response, retryAfter);
        if (context.Features.Get<IStatusCodePagesFeature>() is { Enabled: true })
        {
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请求过于频繁</title></head><body><h1>请求过于频繁</h1><p>{WebUtility.HtmlEncode(message)}</p></body></html>",
            cancellationToken);
    }

    /// <summary>
    /// A throttle's partition: posts counted per <paramref name="key"/> in fixed windows shared by all instances
    /// (<see cref="SharedCounters"/>), pages (GET) never; the GETs' shared partition has a key no client's can have,
    /// since partitions are cached by key.
    /// </summary>
    public static RateLimitPartition<string> PostsOnly(HttpContext context, string key, int postsPerWindow, TimeSpan window) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.Get(key, k => context.RequestServices.GetRequiredService<SharedCounters>().Limiter(k, postsPerWindow, window))
            : RateLimitPartition.GetNoLimiter("page");

    /// <summary>The client's address as the throttles and the audit trail see it.</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "未知地址";
}
