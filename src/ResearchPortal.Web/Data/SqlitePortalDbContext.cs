using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Web.Data.IdNumbers;

namespace ResearchPortal.Web.Data;

/// <summary>SQLite, the embedded default. Migrations: <c>Data/Migrations/Sqlite</c>.
/// Decimals are stored as TEXT by the provider: exact, but not summed or ordered by SQLite itself.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options, IdNumberProtection idNumberProtection)
    : PortalDbContext(options, idNumberProtection)
{
    public const string RowVersionProperty = "Version";

    protected override void AddRowVersion(EntityTypeBuilder entity) =>
        entity.Property<long>(RowVersionProperty).IsConcurrencyToken();

    protected override void OnVersionedRowUpdating(EntityEntry entry)
    {
        var version = entry.Property(RowVersionProperty);
        version.CurrentValue = (long)version.OriginalValue! + 1;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset values; UTC ticks are exact and sort correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ChinaTimeConverters.ToUtcTicks>();
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web host.</summary>
internal sealed class SqlitePortalDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UsePortalSqlite("Data Source=design.db").Options,
            DesignTimeIdNumberProtection.Create());
}
