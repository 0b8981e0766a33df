using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>
/// Marks a request refused for its anti-forgery token (expired form, new log-in since the page was opened) with
/// <see cref="IAntiforgeryValidationFeature"/>, so the error page can say "页面已过期" instead of a bare 400.
/// An always-run result filter sees the authorization filter's short-circuit result.
/// </summary>
public sealed class AntiforgeryFailureFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.HttpContext.Features.Set<IAntiforgeryValidationFeature>(new Failed());
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    private sealed class Failed : IAntiforgeryValidationFeature
    {
        public bool IsValid => false;

        public Exception? Error => null;
    }
}
