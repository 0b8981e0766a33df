using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Web.Data.Demo;
using ResearchPortal.Web.Data.IdNumbers;

namespace ResearchPortal.Web.Data;

/// <summary>Brings the database up to date at start-up: migrations, reference data (roles, the official
/// holiday calendars, the ID-number hash key) and, where asked for, the demo data.</summary>
public sealed class DatabaseInitializer(
    PortalDbContext db,
    RoleManager<IdentityRole> roles,
    IdNumberProtection idNumberProtection,
    DemoDataSeeder demoData,
    IConfiguration configuration,
    IOptions<DatabaseStartupOptions> startup,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>Explicit true/false wins; unset means "only on the embedded SQLite default".</summary>
    public const string SeedDemoDataSetting = "Portal:SeedDemoData";

    /// <summary>How long start-up waits for an unreachable database before giving up (default 60 s).</summary>
    public const string DatabaseWaitSetting = "Portal:DatabaseWaitSeconds";

    /// <summary>false: start-up leaves migrations to the <see cref="MigrateCommand"/>.</summary>
    public const string MigrateOnStartupSetting = "Portal:MigrateOnStartup";

    /// <summary>PostgreSQL advisory lock key held while one instance migrates and seeds; the others wait for it.</summary>
    private const long InitializationLockKey = 0x52505F494E4954; // "RP_INIT"

    private static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(10);

    public bool SeedsDemoData => configuration.GetValue<bool?>(SeedDemoDataSetting) ?? db is SqlitePortalDbContext;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var giveUpAt = DateTimeOffset.UtcNow.AddSeconds(startup.Value.DatabaseWaitSeconds);
        var pause = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await InitializeOnceAsync(cancellationToken);
                return;
            }
            catch (Exception exception) when (IsUnreachable(exception))
            {
                // Started before the database (a host reboot, a rolling deploy): wait rather than exit.
                if (DateTimeOffset.UtcNow + pause >= giveUpAt)
                {
                    throw new InvalidOperationException($"数据库无法连接，已等待到设置 {DatabaseWaitSetting} 的上限，启动中止。", exception);
                }

                logger.LogWarning("数据库暂不可用，{Seconds} 秒后重试。", pause.TotalSeconds);
                db.ChangeTracker.Clear();
                await Task.Delay(pause, cancellationToken);
                pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 2, 10));
            }
        }
    }

    /// <summary>EF wraps the provider's transient error in its own exception; either means "try again later".</summary>
    private static bool IsUnreachable(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } || exception.InnerException is NpgsqlException { IsTransient: true };

    private async Task InitializeOnceAsync(CancellationToken cancellationToken)
    {
        var serialized = db is PostgresPortalDbContext;
        if (serialized)
        {
            // Instances started together would otherwise race on the same migrations, roles and calendars.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({InitializationLockKey})", cancellationToken);
        }

        try
        {
            await MigrateAndSeedAsync(cancellationToken);
            if (serialized)
            {
                await ReportConnectionLimitsAsync(cancellationToken);
            }
        }
        finally
        {
            if (serialized)
            {
                await ReleaseAsync();
            }
        }
    }

    /// <summary>Says at start which pool size is in effect and warns when it alone could take every connection the
    /// server accepts from ordinary roles (README "Database connections and a slow database").</summary>
    private async Task ReportConnectionLimitsAsync(CancellationToken cancellationToken)
    {
        var poolSize = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxPoolSize;
        var serverLimits = await db.Database
            .SqlQuery<int>($"SELECT setting::int AS \"Value\" FROM pg_settings WHERE name IN ('max_connections', 'superuser_reserved_connections') ORDER BY name")
            .ToListAsync(cancellationToken);
        var (maxConnections, reserved) = (serverLimits[0], serverLimits[1]);
        var available = maxConnections - reserved;
        if (poolSize > available)
        {
            logger.LogWarning(
                "数据库连接池上限 {MaxPoolSize} 超过 PostgreSQL 可用连接数 {AvailableConnections}（max_connections {MaxConnections} − 保留 {ReservedConnections}）：繁忙时连接将被拒绝。请调低连接字符串中的 Maximum Pool Size。",
                poolSize, available, maxConnections, reserved);
        }
        else
        {
            logger.LogInformation(
                "数据库连接池上限 {MaxPoolSize}，PostgreSQL max_connections {MaxConnections}（保留 {ReservedConnections}）：实例数 × 连接池上限应不超过 {AvailableConnections}。",
                poolSize, maxConnections, reserved, available);
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({InitializationLockKey})", CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the session lock with it.
        }

        await db.Database.CloseConnectionAsync();
    }

    private async Task MigrateAndSeedAsync(CancellationToken cancellationToken)
    {
        // A migration over years of data may run long; requests keep the short command timeout.
        db.Database.SetCommandTimeout(MigrationCommandTimeout);
        await db.Database.MigrateAsync(cancellationToken);
        await SeedRolesAsync();
        await SeedOfficialCalendarsAsync(cancellationToken);
        idNumberProtection.EnsureHashKey();
        await MaskedIdNumbers.BackfillAsync(db, cancellationToken);
        if (SeedsDemoData)
        {
            await demoData.SeedAsync(cancellationToken);
        }
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    /// <summary>Adds the official years the database lacks; a year already there may have been edited by a reviewer
    /// and is left alone.</summary>
    private async Task SeedOfficialCalendarsAsync(CancellationToken cancellationToken)
    {
        var present = await db.HolidayCalendarYears.Select(y => y.Year).ToListAsync(cancellationToken);
        db.HolidayCalendarYears.AddRange(OfficialCalendars.All.Where(y => !present.Contains(y.Year)));
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public static class DatabaseInitializerExtensions
{
    public static async Task InitializePortalDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }
}
