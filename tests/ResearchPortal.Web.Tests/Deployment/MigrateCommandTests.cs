using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResearchPortal.Web.Commands;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure.Mail;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Deployment;

/// <summary>Migrations as a deployment step of their own: <c>migrate</c>, and instances that leave the schema alone.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task With_start_up_migration_off_an_instance_leaves_the_database_to_the_migrate_command()
    {
        await using var app = new PortalApp { EmptyDatabase = true, Settings = new Dictionary<string, string> { [DatabaseInitializer.MigrateOnStartupSetting] = "false" } };
        await app.InitializeAsync(); // the instance is up…
        await using (var db = app.NewContext())
        {
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync()); // …and has not touched the empty database
        }

        var (exitCode, output) = await RunPortalAsync(app.ConnectionString, MigrateCommand.Name);

        Assert.True(exitCode == 0, output);
        Assert.Contains("数据库已迁移到最新版本", output);
        await using (var db = app.NewContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(PortalRoles.All.Count, await db.Roles.CountAsync());
        }
    }

    [Fact]
    public async Task The_migrate_command_gives_up_with_a_message_and_an_error_code_when_the_database_stays_away()
    {
        var closed = "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=1";

        var (exitCode, output) = await RunPortalAsync(closed, MigrateCommand.Name, ("Portal__DatabaseWaitSeconds", "1"));

        Assert.Equal(1, exitCode);
        Assert.Contains("数据库迁移失败", output);
        Assert.Contains(DatabaseInitializer.DatabaseWaitSetting, output);
    }

    [Theory]
    [InlineData("Mail:MaxAttempts", "0", "Mail:MaxAttempts 须在 1–50 之间")]
    [InlineData("Mail:FirstRetryDelay", "00:00:00", "Mail:FirstRetryDelay 须在 1 秒到 1 天之间")]
    [InlineData("Mail:From", "not-an-address", "Mail:From 不是有效的电子邮箱地址")]
    [InlineData("Portal:DatabaseWaitSeconds", "-5", "Portal:DatabaseWaitSeconds 须是 0–3600 之间的秒数")]
    public async Task A_wrong_setting_stops_start_up_before_the_database_is_touched_naming_the_setting(string key, string value, string message)
    {
        await using var app = new PortalApp { EmptyDatabase = true, Settings = new Dictionary<string, string> { [key] = value } };

        var refusal = await Record.ExceptionAsync(app.InitializeAsync);

        Assert.NotNull(refusal);
        Assert.Contains(message, refusal.ToString(), StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT to_regclass('\"__EFMigrationsHistory\"') IS NULL", connection);
        Assert.True((bool)(await query.ExecuteScalarAsync())!);
    }

    /// <summary>The built portal as an operator starts it: <c>dotnet ResearchPortal.Web.dll …</c>.</summary>
    private static async Task<(int ExitCode, string Output)> RunPortalAsync(string connectionString, string command, params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Postgres"] = connectionString,
            ["Portal__PublicBaseUrl"] = PortalApp.PublicBaseUrl,
            [MailServiceCollectionExtensions.ReminderJobSetting.Replace(":", "__", StringComparison.Ordinal)] = "false",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var contentRoot = Directory.CreateTempSubdirectory("rp-migrate-").FullName;
        try
        {
            return await ExternalProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "ResearchPortal.Web.dll"), command], environment, contentRoot);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }
}
