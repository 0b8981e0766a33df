using Microsoft.EntityFrameworkCore;

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

    private static async Task AssertUpToDate(PortalTestHost host)
    {
        await using var db = host.NewContext();
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add for both providers.");
        Assert.True(await db.HolidayCalendarYears.AnyAsync());
    }
}
