using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Documents.Imports;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Infrastructure;

namespace ResearchPortal.Benchmarks;

/// <summary>
/// An Annex 4 file read, validated and stored on PostgreSQL, all in one unit of work as the import page does it.
/// Target: 5,000 rows ≤ 3 s. (10× is 5,000 over 500: 50,000 rows is past the import's 10,000-row limit.)
/// Each iteration imports into a fresh project, so no row is a duplicate of an earlier one.
/// </summary>
public class RosterImportBenchmark
{
    private static readonly Actor Importer = new("benchmark", "基准测试");

    private WebApplication _host = null!;
    private string _connectionString = string.Empty;
    private byte[] _file = [];
    private SampleRoster _target = null!;

    [Params(500, 5_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _connectionString = PostgresServer.Instance.CreateDatabaseAsync("benchmark").GetAwaiter().GetResult();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.Logging.ClearProviders(); // as in production, where appsettings.json silences EF command logs
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DataServiceCollectionExtensions.PostgresConnectionName}"] = _connectionString,
            [DatabaseInitializer.SeedDemoDataSetting] = "false",
            ["Portal:Today"] = SampleRoster.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        builder.Services.AddSingleton(PinnedDateTimeProvider.FromConfiguration(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton<PortalClock>();
        builder.Services.AddPortalData(builder.Configuration, builder.Environment);
        builder.Services.AddPortalIdentity(); // the start-up initializer seeds the roles
        _host = builder.Build();
        _host.Services.InitializePortalDatabaseAsync().GetAwaiter().GetResult();
    }

    /// <summary>A fresh file too: its certificate numbers (from a new project number) must be new to the system.</summary>
    [IterationSetup]
    public void SaveEmptyProjectAndWriteFile()
    {
        var source = SampleRoster.Create(Rows);
        using var file = new MemoryStream();
        RosterSheet.Write(file, source.Project, source.Host, source.Filing, source.Entries, SampleRoster.Today);
        _file = file.ToArray();

        _target = SampleRoster.Create(0);
        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (db.PlanYears.Find(SampleRoster.PlanYearNumber) is null)
        {
            db.PlanYears.Add(_target.Year);
        }

        db.AddRange(_target.Applicant, _target.Host, _target.Project, _target.Filing);
        db.SaveChanges();
    }

    [Benchmark]
    public async Task<int> Import()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var import = new RosterImport(
            services.GetRequiredService<PortalDbContext>(), services.GetRequiredService<IdNumberLookup>(), services.GetRequiredService<AuditLog>());
        var result = await import.ImportAsync(_target.Project, _target.Filing, new MemoryStream(_file), Importer, SampleRoster.Today);
        return result.Succeeded ? result.ImportedCount : throw new InvalidOperationException(result.Problems[0].Message);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        PostgresServer.Instance.DropDatabaseAsync(_connectionString).GetAwaiter().GetResult();
    }
}
