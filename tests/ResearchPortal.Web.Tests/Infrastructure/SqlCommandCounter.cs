using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands one request runs, the security-stamp check included: a request carrying
/// <see cref="RequestHeader"/> is counted under that id while it runs, whatever other requests run beside it.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor, IStartupFilter
{
    public const string RequestHeader = "X-Test-Request-Id";

    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    private readonly ConcurrentDictionary<string, int> _counts = new();

    public static void Register(IServiceCollection services, SqlCommandCounter counter)
    {
        services.AddSingleton<IStartupFilter>(counter);
        services.ConfigureDbContext<PostgresPortalDbContext>(options => options.AddInterceptors(counter));
    }

    /// <summary>The number of commands the request tagged <paramref name="requestId"/> ran, once it has finished.</summary>
    public async Task<int> CountOfAsync(string requestId)
    {
        // The response can reach the client a moment before the pipeline has unwound past the counting middleware.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_counts.TryRemove(requestId, out var count))
            {
                return count;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No count was recorded for request {requestId}.");
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (!context.Request.Headers.TryGetValue(RequestHeader, out var id))
            {
                await nextMiddleware(context);
                return;
            }

            // A counted request loads the calendar itself: whether the instance's shared copy is still fresh is a
            // matter of time, and the count must not depend on it.
            context.RequestServices.GetRequiredService<SharedCalendar>().Invalidate();
            var count = new StrongBox<int>();
            Current.Value = count;
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                Current.Value = null;
                _counts[id.ToString()] = count.Value;
            }
        });
        next(app);
    };

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Counted(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Counted(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Counted(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    private static T Counted<T>(T result)
    {
        if (Current.Value is { } count)
        {
            Interlocked.Increment(ref count.Value);
        }

        return result;
    }
}
