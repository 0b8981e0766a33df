using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Benchmarks.Pages.Benchmark;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Benchmarks.PageLoad;

/// <summary>
/// The portal's own Program (middleware, layout, services) on a real Kestrel port in the "Benchmark" environment, on
/// the given PostgreSQL database, plus the baseline page and a count of requests still being worked on (so one
/// measurement does not start while the previous one's requests still run).
/// </summary>
internal sealed class BenchmarkPortal(string connectionString) : WebApplicationFactory<PortalDbContext>
{
    private readonly InFlightRequests _inFlight = new();
    private readonly string _mailFolder = Directory.CreateTempSubdirectory("rp-bench-mail-").FullName;

    public Uri BaseAddress => Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
        .Addresses.Select(address => new Uri(address)).First();

    public int RequestsInFlight => _inFlight.Count;

    public void Start()
    {
        // WebApplicationFactory finds the portal's content root through the MvcTestingAppManifest.json next to this
        // program, read from the current folder (`dotnet run` starts in the repository's).
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        UseKestrel(0);
        _ = Services;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_mailFolder, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseStaticWebAssets(); // Bootstrap and htmx from the build output, as the layout links them
        builder.UseSetting($"ConnectionStrings:{DataServiceCollectionExtensions.PostgresConnectionName}", connectionString);
        builder.UseSetting("Portal:Today", ProvincialVolume.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        builder.UseSetting("Portal:PublicBaseUrl", "http://localhost");
        builder.UseSetting(DatabaseInitializer.SeedDemoDataSetting, "false");
        builder.UseSetting("Mail:PickupDirectory", _mailFolder);
        builder.UseSetting(MailServiceCollectionExtensions.ReminderJobSetting, "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning"); // the table, not request logs, on the console
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "None"); // the first migration's probe
        builder.ConfigureServices(services =>
        {
            services.AddRazorPages().AddApplicationPart(typeof(BaselineModel).Assembly);
            services.AddSingleton<IStartupFilter>(_inFlight);
        });
    }

    private sealed class InFlightRequests : IStartupFilter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                Interlocked.Increment(ref _count);
                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    Interlocked.Decrement(ref _count);
                }
            });
            next(app);
        };
    }
}
