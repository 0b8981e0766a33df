using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Persistence;

/// <summary>Each provider's checked-in migrations build the whole schema on an empty database and match the model.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task PostgreSQL_migrations_apply_to_an_empty_database()
    {
        await using var host = await PortalTestHost.StartPostgresAsync();
        await AssertUpToDate(host);
    }

    [Fact]
    public async Task SQLite_migrations_apply_to_an_empty_database()
    {
        await using var host = await PortalTestHost.StartSqliteAsync();
        await AssertUpToDate(host);
    }

    [Fact]
    public async Task PostgreSQL_filings_saved_before_their_totals_were_stored_get_them_from_their_json() =>
        await AssertFilingTotalsBackfilled(await PortalTestHost.StartPostgresAsync());

    [Fact]
    public async Task SQLite_filings_saved_before_their_totals_were_stored_get_them_from_their_json() =>
        await AssertFilingTotalsBackfilled(await PortalTestHost.StartSqliteAsync());

    /// <summary>Takes the database back to before <c>FilingStoredTotals</c> (the view reads the JSON again) and forward
    /// (the columns come back empty and are filled from the JSON): a returned, resubmitted filing keeps its figures.</summary>
    private static async Task AssertFilingTotalsBackfilled(PortalTestHost host)
    {
        await using var _ = host;
        var graph = await ProjectGraph.SaveSubmittedAsync(host.NewContext());
        await using (var db = host.NewContext())
        {
            var filing = await db.Filings.SingleAsync(f => f.Id == graph.Filing.Id);
            Ok(filing.Return(Reviewer, Now, "请补充专家职称"));
            Ok(filing.Submit(Organizer, Now, Today, graph.Year, Calendar));
            await db.SaveChangesAsync();
        }

        await using (var db = host.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var storedTotals = migrations.Single(m => m.EndsWith("_FilingStoredTotals", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[migrations.IndexOf(storedTotals) - 1]);
            Assert.Equal((24.5m, 1), await ReviewItemFigures(db, graph));
            await migrator.MigrateAsync();
        }

        await using var read = host.NewContext();
        Assert.Equal((24.5m, 1), await ReviewItemFigures(read, graph));
        var stored = await read.Filings.SingleAsync(f => f.Id == graph.Filing.Id);
        Assert.Equal((24.5m, 1), (stored.TotalHours, stored.TimesReturned));
    }

    private static async Task<(decimal TotalHours, int TimesReturned)> ReviewItemFigures(PortalDbContext db, ProjectGraph graph)
    {
        var item = await db.Set<FilingReviewItem>().SingleAsync(i => i.ProjectId == graph.Project.Id);
        return (item.TotalHours, item.TimesReturned);
    }

    private static async Task AssertUpToDate(PortalTestHost host)
    {
        await using var db = host.NewContext();
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add for both providers.");
        Assert.True(await db.HolidayCalendarYears.AnyAsync());
    }
}
