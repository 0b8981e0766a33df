using Microsoft.Data.Sqlite;
using Npgsql;

namespace ResearchPortal.Web.Data;

/// <summary>
/// Recognizes a database that is overloaded rather than broken: a command past its timeout, a connection pool with no
/// free connection, a statement or lock timeout on the server, a locked SQLite file. The request then ends on a 503
/// page asking the user to retry (<see cref="Pages.ErrorModel"/>) instead of a generic error.
/// </summary>
public static class DatabaseBusy
{
    /// <summary>Seconds each EF command may run before it is cancelled (default <see cref="DefaultCommandTimeoutSeconds"/>).</summary>
    public const string CommandTimeoutSetting = "Portal:DatabaseCommandTimeoutSeconds";

    /// <summary>Short enough that a user waits for an answer rather than a hanging page; list queries take milliseconds.</summary>
    public const int DefaultCommandTimeoutSeconds = 15;

    /// <summary>Sent as <c>Retry-After</c> with the 503.</summary>
    public const int RetryAfterSeconds = 30;

    public const string Heading = "系统繁忙";

    public const string Sentence = "系统繁忙，数据库响应超时，请稍后重试。您的操作没有完成，已填写的内容请返回上一页后重新提交。";

    private const string QueryCanceled = "57014"; // statement_timeout on the server
    private const string LockNotAvailable = "55P03"; // lock_timeout on the server
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static int CommandTimeoutSeconds(IConfiguration configuration) =>
        configuration.GetValue(CommandTimeoutSetting, DefaultCommandTimeoutSeconds);

    /// <summary>EF may wrap the provider's exception (a failed save, a query in a transaction): look down the chain.</summary>
    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current switch
            {
                PostgresException postgres => postgres.SqlState is QueryCanceled or LockNotAvailable,
                // Npgsql signals both a command timeout and an exhausted pool with an inner TimeoutException.
                NpgsqlException npgsql => npgsql.InnerException is TimeoutException,
                SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
                _ => false,
            })
            {
                return true;
            }
        }

        return false;
    }
}
