using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using ResearchPortal.Web.Data.Demo;
using ResearchPortal.Web.Data.IdNumbers;

namespace ResearchPortal.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Connection string name that switches the portal from the embedded SQLite file to PostgreSQL.</summary>
    public const string PostgresConnectionName = "Postgres";

    /// <summary>Data Protection application name: instances sharing it (and the database) share the key ring.</summary>
    public const string DataProtectionApplicationName = "ResearchPortal";

    public const string SqliteFolderName = "App_Data";
    public const string SqliteFileName = "portal.db";

    /// <summary>PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, otherwise SQLite in
    /// <c>App_Data/portal.db</c> under the content root; plus Data Protection, ID-number protection, the calendar,
    /// the audit log, start-up initialization and the database health check.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var postgres = configuration.GetConnectionString(PostgresConnectionName);
        var commandTimeout = DatabaseBusy.CommandTimeoutSeconds(configuration);
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            // The options are built once (the connection string parsed once), not again for each request's context.
            services.AddDbContext<PortalDbContext, PostgresPortalDbContext>(
                options => options.UsePortalPostgres(postgres, commandTimeout), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        }
        else
        {
            var folder = Path.Combine(environment.ContentRootPath, SqliteFolderName);
            Directory.CreateDirectory(folder);
            var connectionString = $"Data Source={Path.Combine(folder, SqliteFileName)}";
            services.AddDbContext<PortalDbContext, SqlitePortalDbContext>(
                options => options.UsePortalSqlite(connectionString, commandTimeout), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        }

        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<PortalDbContext>()
            .ProtectKeysWithConfiguredCertificate(configuration, environment);
        services.AddSingleton(provider => new IdNumberProtection(
            provider.GetRequiredService<IDataProtectionProvider>(),
            () => IdNumberHashKey.Load(provider)));
        services.AddSingleton<IdNumberLookup>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<SharedCalendar>();
        services.AddScoped<CalendarService>();
        services.AddSingleton<Infrastructure.Listing.ListPageCache>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DatabaseInitializer>();
        services.AddOptions<DatabaseStartupOptions>()
            .Bind(configuration.GetSection(DatabaseStartupOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        return services;
    }

    /// <summary>Connections one instance may hold when the connection string names no "Maximum Pool Size":
    /// PostgreSQL's default max_connections is 100, Npgsql's default pool also 100, so one busy instance could take
    /// every connection and lock out the others, psql and backups. Three instances × 30 leave room for those.</summary>
    public const int DefaultMaxPoolSize = 30;

    /// <summary>Statements each connection keeps prepared when the connection string names no "Max Auto Prepare":
    /// Npgsql prepares a statement on its fifth use, and PostgreSQL then skips planning it, which for the lists' joins
    /// costs more than running them (README "Page benchmark").</summary>
    public const int DefaultMaxAutoPrepare = 100;

    /// <summary>Session settings when the connection string names no "Options": a prepared statement keeps one plan.
    /// By default PostgreSQL plans a prepared statement again on every run whose parameters might deserve another plan,
    /// and for the lists' joins planning cost as much as running (README "Page benchmark").</summary>
    public const string DefaultSessionOptions = "-c plan_cache_mode=force_generic_plan";

    internal static TBuilder UsePortalPostgres<TBuilder>(this TBuilder options, string connectionString, int? commandTimeoutSeconds = null)
        where TBuilder : DbContextOptionsBuilder
    {
        // The generic builder holds only the keys the string names (Npgsql's own knows every key).
        var named = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Names(params string[] spellings) => spellings.Any(named.ContainsKey);
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names("Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            connection.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (!Names("Max Auto Prepare", "MaxAutoPrepare"))
        {
            connection.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!Names("Options"))
        {
            connection.Options = DefaultSessionOptions;
        }

        if (!Names("No Reset On Close", "NoResetOnClose"))
        {
            connection.NoResetOnClose = true;
        }

        options.UseNpgsql(connection.ConnectionString, npgsql => npgsql.CommandTimeout(commandTimeoutSeconds)).ReplaceService<IModelCacheKeyFactory, PortalModelCacheKeyFactory>();
        return options;
    }

    internal static TBuilder UsePortalSqlite<TBuilder>(this TBuilder options, string connectionString, int? commandTimeoutSeconds = null)
        where TBuilder : DbContextOptionsBuilder
    {
        options.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(commandTimeoutSeconds)).ReplaceService<IModelCacheKeyFactory, PortalModelCacheKeyFactory>();
        return options;
    }
}
