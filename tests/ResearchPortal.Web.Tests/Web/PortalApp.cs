using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Infrastructure;
using Respawn;

namespace ResearchPortal.Web.Tests.Web;

/// <summary>
/// The whole portal over HTTP on a brand-new PostgreSQL database, standing on a pinned "today".
/// Share one per test collection (<see cref="PortalCollections"/>, tests deriving from <see cref="SharedPortalTests"/>
/// start on an emptied database), or start one in a test that needs its own settings; accounts are created through Identity.
/// The database is a copy of one migrated once per test run (<see cref="EmptyDatabase"/> opts out).
/// </summary>
public sealed class PortalApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test@2026a";

    /// <summary>Setting <c>Portal:PublicBaseUrl</c>: every link in a mail starts with it.</summary>
    public const string PublicBaseUrl = "https://yanxiu.test.example/portal";

    private static int _clients;

    private static readonly Lazy<Task<string>> MigratedTemplate = new(CreateMigratedTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Tables the host fills at start-up and tests may change (the official calendars): emptied by a reset and
    /// refilled with their start-up rows, parents first.</summary>
    private static readonly string[] RestoredTables = ["HolidayCalendarYears", "HolidayCalendarDays"];

    private Respawner? _respawner;
    private List<byte[]> _startUpRows = [];

    private string _connectionString = string.Empty;

    public DateOnly Today { get; init; } = TestData.Today;

    /// <summary>Serve on a real loopback port (Kestrel) so a browser can reach the app.</summary>
    public bool OnRealPort { get; init; }

    /// <summary>Seed the README's demo organizations, accounts and projects (<c>Portal:SeedDemoData=true</c>).</summary>
    public bool SeedDemoData { get; init; }

    /// <summary>The root URL a browser uses; only with <see cref="OnRealPort"/>.</summary>
    public Uri BaseAddress => Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
        .Addresses.Select(address => new Uri(address)).First();

    /// <summary>The Npgsql connection string of this app's database (another app may be pointed at it).</summary>
    public string ConnectionString => _connectionString;

    public string MailFolder { get; } = Directory.CreateTempSubdirectory("rp-mail-").FullName;

    /// <summary>The host environment; "Production" needs <see cref="Settings"/> naming a key-ring certificate.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Further configuration settings, applied last.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Counts the SQL commands of requests sent through <see cref="PortalClient.CountSqlCommandsAsync"/>.</summary>
    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>Npgsql keywords set on the database's connection string (e.g. a one-connection pool), applied last.</summary>
    public IReadOnlyDictionary<string, object> ConnectionSettings { get; init; } = new Dictionary<string, object>();

    /// <summary>When set, receives every log entry of Information and above, of every category.</summary>
    public LogCapture? Logs { get; init; }

    /// <summary>Start on a database without tables (for tests of migrating itself) instead of the migrated template.</summary>
    public bool EmptyDatabase { get; init; }

    public async Task InitializeAsync()
    {
        _connectionString = EmptyDatabase
            ? await PostgresServer.Instance.CreateDatabaseAsync("web")
            : await PostgresServer.Instance.CreateDatabaseAsync("web", template: await MigratedTemplate.Value);
        if (OnRealPort)
        {
            UseKestrel(0);
        }

        _ = Services; // start the host now, so migrations run before the first test
        if (!EmptyDatabase)
        {
            _startUpRows = await ExportRestoredTablesAsync();
        }
    }

    private async Task<List<byte[]>> ExportRestoredTablesAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        var tables = new List<byte[]>();
        foreach (var table in RestoredTables)
        {
            await using var export = await connection.BeginRawBinaryCopyAsync($"COPY \"{table}\" TO STDOUT (FORMAT BINARY)");
            using var rows = new MemoryStream();
            await export.CopyToAsync(rows);
            tables.Add(rows.ToArray());
        }

        return tables;
    }

    /// <summary>A database the portal has migrated and seeded (roles, official calendars) once, copied by every other
    /// app of the run: a copy takes milliseconds where migrating takes seconds.</summary>
    private static async Task<string> CreateMigratedTemplateAsync()
    {
        var template = await PostgresServer.Instance.CreateDatabaseAsync("template_web");
        var settings = new Dictionary<string, string>
        {
            // Unpooled, so no idle connection keeps the template busy when it is copied.
            [$"ConnectionStrings:{DataServiceCollectionExtensions.PostgresConnectionName}"] = new NpgsqlConnectionStringBuilder(template) { Pooling = false }.ConnectionString,
        };
        await using (var app = new PortalApp { EmptyDatabase = true, Settings = settings })
        {
            await app.InitializeAsync();
        }

        // Each copy makes its own key ring and secrets at start-up, as a new installation does: an app configured to
        // protect its key ring (Production) could not read the template's.
        await using (var connection = new NpgsqlConnection(settings.Values.Single()))
        {
            await connection.OpenAsync();
            await using var clear = new NpgsqlCommand("DELETE FROM \"PortalSecrets\"; DELETE FROM \"DataProtectionKeys\";", connection);
            await clear.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(template).Database!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString.Length > 0)
        {
            await PostgresServer.Instance.DropDatabaseAsync(_connectionString);
            _connectionString = string.Empty;
        }

        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);

        // Outside Development the build output's static web assets (Bootstrap, htmx) are only found when asked for.
        builder.UseStaticWebAssets();
        var connection = new NpgsqlConnectionStringBuilder(_connectionString);
        foreach (var (keyword, value) in ConnectionSettings)
        {
            connection[keyword] = value;
        }

        builder.UseSetting($"ConnectionStrings:{DataServiceCollectionExtensions.PostgresConnectionName}", connection.ConnectionString);
        if (EnvironmentName != Microsoft.Extensions.Hosting.Environments.Production)
        {
            // Production refuses a pinned day, as it must.
            builder.UseSetting("Portal:Today", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        builder.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting(MailServiceCollectionExtensions.ReminderJobSetting, "false");
        builder.UseSetting(MailServiceCollectionExtensions.OutboxWorkerSetting, "false"); // tests flush the outbox themselves
        builder.UseSetting(DatabaseInitializer.SeedDemoDataSetting, SeedDemoData ? "true" : "false");
        builder.UseSetting(PublicPageCache.SecondsSetting, "0"); // tests read back at once what they just saved; SeminarCacheTests turn it on
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressHeader>();
            SqlCommandCounter.Register(services, SqlCommands);
        });
        if (Logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>(category: null, LogLevel.Information));
        }
    }

    /// <summary>
    /// Empties every table but those the host fills at start-up (migration history, roles, secrets, the key ring) and the
    /// list versions (moved instead), and puts the official calendars back as they were at start-up, so a test sees no
    /// data of an earlier one.
    /// </summary>
    public async Task ResetDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory", "AspNetRoles", "PortalSecrets", "DataProtectionKeys", "ListVersions"],
        });
        await _respawner.ResetAsync(connection);

        // The reset truncates, which moves no version: move them all, so no list page kept before it is shown after it.
        await using (var move = new NpgsqlCommand("""UPDATE "ListVersions" SET "Version" = "Version" + 1""", connection))
        {
            await move.ExecuteNonQueryAsync();
        }

        foreach (var (table, rows) in RestoredTables.Zip(_startUpRows))
        {
            await using var import = await connection.BeginRawBinaryCopyAsync($"COPY \"{table}\" FROM STDIN (FORMAT BINARY)");
            await import.WriteAsync(rows);
        }

        Services.GetRequiredService<SharedCalendar>().Invalidate();
    }

    /// <summary>A separate unit of work, as another request would be.</summary>
    public PortalDbContext NewContext() => Services.CreateScope().ServiceProvider.GetRequiredService<PortalDbContext>();

    public async Task<PortalUser> CreateUserAsync(string role, Guid? organizationId = null, string? displayName = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName ?? $"{role}用户",
            OrganizationId = organizationId,
            EmailConfirmed = true,
        };
        AssertSucceeded(await users.CreateAsync(user, Password));
        AssertSucceeded(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>A client with its own cookie jar, signed in through the real login form.</summary>
    public async Task<PortalClient> LoginAsync(PortalUser user)
    {
        var client = Anonymous();
        var response = await client.PostFormAsync("/Account/Login", new()
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = Password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A client from an address of its own, as a separate browser would be, so no throttle counts two clients together.</summary>
    public PortalClient Anonymous() => From(NextAddress());

    /// <summary>A client whose requests come from <paramref name="address"/>, as the throttles and the audit trail see it.</summary>
    public PortalClient From(string address)
    {
        var client = new PortalClient(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        client.Http.DefaultRequestHeaders.Add(ClientAddressHeader.Name, address);
        return client;
    }

    /// <summary>An address no other client of the test run has (10.0.0.1, 10.0.0.2, …).</summary>
    public static string NextAddress()
    {
        var n = Interlocked.Increment(ref _clients);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    /// <summary>
    /// Runs one outbox sending pass, waiting for one the worker may be running, so every mail committed so far is in
    /// <see cref="MailFolder"/> (the worker would send them within moments; tests read at once).
    /// </summary>
    public async Task FlushOutboxAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(waitForOtherSender: true);
    }

    /// <summary>The mails committed so far (the outbox flushed first), oldest first, each as its recipient and decoded text.</summary>
    public IReadOnlyList<(string To, string Subject, string Body)> Mails() =>
        MailFiles().Order(StringComparer.Ordinal)
            .Select(path => MimeKit.MimeMessage.Load(path))
            .Select(message => (message.To.Mailboxes.Single().Address, message.Subject ?? string.Empty, message.TextBody ?? string.Empty))
            .ToList();

    /// <summary>The last link to <paramref name="page"/> mailed to <paramref name="email"/>, relative to <see cref="PublicBaseUrl"/> as the test client asks for it.</summary>
    public string MailedLink(string email, string page)
    {
        var body = Mails().Last(mail => string.Equals(mail.To, email, StringComparison.OrdinalIgnoreCase) && mail.Body.Contains(page, StringComparison.Ordinal)).Body;
        var link = body.Split(['\n', ' '], StringSplitOptions.RemoveEmptyEntries).First(word => word.StartsWith("http", StringComparison.Ordinal) && word.Contains(page, StringComparison.Ordinal));
        // Mails link from PublicBaseUrl (with its /portal path); the test server answers the rest of the address.
        Assert.StartsWith(PublicBaseUrl, link, StringComparison.Ordinal);
        return link.Trim()[PublicBaseUrl.Length..];
    }

    /// <summary>The .eml files of every mail committed so far: the outbox is flushed first (off the caller's
    /// synchronization context, so a synchronous caller cannot deadlock).</summary>
    public string[] MailFiles()
    {
        Task.Run(FlushOutboxAsync).GetAwaiter().GetResult();
        return Directory.GetFiles(MailFolder, "*.eml");
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}

/// <summary>Lets a test client choose its remote address (the in-memory test server has none of its own).</summary>
internal sealed class ClientAddressHeader : IStartupFilter
{
    public const string Name = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Name, out var address))
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
