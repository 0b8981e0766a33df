using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Database;

/// <summary>A slow or saturated database ends a request on a 503 "请稍后重试" page, logged, instead of a 500 or a hang.</summary>
public sealed class SlowDatabaseTests
{
    [Fact]
    public async Task A_list_whose_query_outlasts_the_command_timeout_answers_503_with_the_Chinese_message_and_is_logged()
    {
        var logs = new LogCapture();
        await using var app = new PortalApp { Logs = logs, Settings = new Dictionary<string, string> { [DatabaseBusy.CommandTimeoutSetting] = "1" } };
        await app.InitializeAsync();
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        await using (var blocker = new NpgsqlConnection(await ConnectionStringAsync(app)))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("""LOCK TABLE "PlanProjects" IN ACCESS EXCLUSIVE MODE""", blocker, transaction))
            {
                await lockTable.ExecuteNonQueryAsync();
            }

            var blocked = await reviewer.GetAsync("/Projects");

            await AssertBusyPageAsync(blocked);
            Assert.Contains(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("TimeoutException", StringComparison.Ordinal));
            await transaction.RollbackAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/Projects")).StatusCode);
    }

    [Fact]
    public async Task A_request_that_finds_no_free_pooled_connection_answers_503_with_the_Chinese_message()
    {
        // Two pooled connections (start-up needs two at once), and one second's wait for one.
        await using var app = new PortalApp { ConnectionSettings = new Dictionary<string, object> { ["Maximum Pool Size"] = 2, ["Timeout"] = 1 } };
        await app.InitializeAsync();
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        await using (var first = app.NewContext())
        await using (var second = app.NewContext())
        {
            await first.Database.OpenConnectionAsync();
            await second.Database.OpenConnectionAsync();

            await AssertBusyPageAsync(await reviewer.GetAsync("/Projects"));
        }

        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/Projects")).StatusCode);
    }

    [Fact]
    public async Task Start_up_logs_the_pool_size_against_max_connections()
    {
        var logs = new LogCapture();
        await using var app = new PortalApp { Logs = logs };
        await app.InitializeAsync();

        var poolSize = new NpgsqlConnectionStringBuilder(await ConnectionStringAsync(app)).MaxPoolSize;
        Assert.Contains(logs.Lines, line => line.StartsWith("Information", StringComparison.Ordinal)
            && line.Contains($"数据库连接池上限 {poolSize}，PostgreSQL max_connections", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_up_warns_when_the_pool_exceeds_the_connections_the_server_accepts()
    {
        var logs = new LogCapture();
        await using var app = new PortalApp { Logs = logs, ConnectionSettings = new Dictionary<string, object> { ["Maximum Pool Size"] = 5000 } };
        await app.InitializeAsync();

        Assert.Contains(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal)
            && line.Contains("数据库连接池上限 5000 超过 PostgreSQL 可用连接数", StringComparison.Ordinal));
    }

    public static TheoryData<Exception, bool> Exceptions() => new()
    {
        { new NpgsqlException("Exception while reading from stream", new TimeoutException()), true },
        { new NpgsqlException("The connection pool has been exhausted", new TimeoutException()), true },
        { new DbUpdateException("save failed", new NpgsqlException("Exception while reading from stream", new TimeoutException())), true },
        { new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", PostgresErrorCodes.QueryCanceled), true },
        { new PostgresException("canceling statement due to lock timeout", "ERROR", "ERROR", PostgresErrorCodes.LockNotAvailable), true },
        { new SqliteException("database is locked", 5), true },
        { new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation), false },
        { new NpgsqlException("Failed to connect"), false },
        { new SqliteException("constraint failed", 19), false },
        { new InvalidOperationException("a bug"), false },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void Only_timeouts_and_locks_count_as_a_busy_database(Exception exception, bool busy) =>
        Assert.Equal(busy, DatabaseBusy.Is(exception));

    private static async Task<string> ConnectionStringAsync(PortalApp app)
    {
        await using var db = app.NewContext();
        return db.Database.GetConnectionString()!;
    }

    private static async Task AssertBusyPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseBusy.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(DatabaseBusy.Heading, html, StringComparison.Ordinal);
        Assert.Contains(DatabaseBusy.Sentence, html, StringComparison.Ordinal);
    }
}
