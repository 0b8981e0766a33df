using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Http;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>
/// The browser-side defences, in one place: the same headers on every response (pages, static files, downloads,
/// htmx partials, error pages), HTTPS and HSTS in Production, and cookies that are Secure there.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles only from the portal's own files: no inline script, event handler or style attribute, no eval
    /// (htmx runs with allowEval=false and without its injected indicator style). <c>data:</c> images are Bootstrap's
    /// SVG icons (navbar toggler, select arrows) inside bootstrap.min.css.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>What every response carries, header name → value.</summary>
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY", // frame-ancestors for browsers that predate it
        ["Referrer-Policy"] = ReferrerPolicy,
    };

    /// <summary>Secure cookies (log-in, anti-forgery, TempData) in Production; elsewhere as the request came, so http://localhost works.</summary>
    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IHostEnvironment environment) =>
        services.Configure<CookiePolicyOptions>(options =>
            options.Secure = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);

    /// <summary>First in the pipeline, so every response is covered; set when the response starts, after any handler cleared it.</summary>
    public static IApplicationBuilder UsePortalSecurity(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                foreach (var (name, value) in Headers)
                {
                    response.Headers[name] = value;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app.UseCookiePolicy();
    }
}
