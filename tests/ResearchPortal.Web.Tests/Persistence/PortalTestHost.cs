using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Infrastructure;

namespace ResearchPortal.Web.Tests.Persistence;

/// <summary>
/// The portal's real data services (provider, Data Protection key ring in the database, ID-number protection,
/// Identity) over a brand-new database, initialized as at start-up, without the web pipeline. Each
/// <see cref="NewContext"/> is a separate unit of work, as two requests would be.
/// </summary>
public sealed class PortalTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<AsyncServiceScope> _scopes = [];
    private readonly Func<Task> _dropDatabase;

    private PortalTestHost(WebApplication app, Func<Task> dropDatabase)
    {
        _app = app;
        _dropDatabase = dropDatabase;
    }

    public IServiceProvider Services => _app.Services;

    public static async Task<PortalTestHost> StartPostgresAsync()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("persistence");
        return await StartAsync(
            new() { [$"ConnectionStrings:{DataServiceCollectionExtensions.PostgresConnectionName}"] = connectionString },
            contentRoot: null,
            () => PostgresServer.Instance.DropDatabaseAsync(connectionString));
    }

    /// <summary>Another instance over a database someone else created and drops, as a second server would start.</summary>
    public static Task<PortalTestHost> StartPostgresAsync(string connectionString, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings[$"ConnectionStrings:{DataServiceCollectionExtensions.PostgresConnectionName}"] = connectionString;
        return StartAsync(settings, contentRoot: null, () => Task.CompletedTask);
    }

    /// <summary>The embedded default: SQLite in <c>App_Data</c> under a temporary content root, on
    /// <paramref name="today"/> (default <see cref="TestData.Today"/>).</summary>
    public static Task<PortalTestHost> StartSqliteAsync(bool seedDemoData = false, DateOnly? today = null)
    {
        var contentRoot = Directory.CreateTempSubdirectory("rp-sqlite-").FullName;
        return StartAsync(
            new()
            {
                [DatabaseInitializer.SeedDemoDataSetting] = seedDemoData.ToString(CultureInfo.InvariantCulture),
                ["Portal:Today"] = (today ?? TestData.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            contentRoot,
            () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(contentRoot, recursive: true);
                return Task.CompletedTask;
            });
    }

    public PortalDbContext NewContext()
    {
        var scope = _app.Services.CreateAsyncScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<PortalDbContext>();
    }

    public T Get<T>()
        where T : notnull
    {
        var scope = _app.Services.CreateAsyncScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        await _app.DisposeAsync();
        await _dropDatabase();
    }

    private static async Task<PortalTestHost> StartAsync(Dictionary<string, string?> settings, string? contentRoot, Func<Task> dropDatabase)
    {
        settings.TryAdd("Portal:Today", TestData.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        settings.TryAdd(DatabaseInitializer.SeedDemoDataSetting, "false");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot ?? AppContext.BaseDirectory, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(PinnedDateTimeProvider.FromConfiguration(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton<PortalClock>();
        builder.Services.AddPortalData(builder.Configuration, builder.Environment);
        builder.Services.AddPortalIdentity();
        var app = builder.Build();
        await app.Services.InitializePortalDatabaseAsync();
        return new PortalTestHost(app, dropDatabase);
    }
}
