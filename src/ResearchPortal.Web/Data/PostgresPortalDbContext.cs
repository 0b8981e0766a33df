using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Web.Data.IdNumbers;

namespace ResearchPortal.Web.Data;

/// <summary>PostgreSQL (Npgsql). Migrations: <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options, IdNumberProtection idNumberProtection)
    : PortalDbContext(options, idNumberProtection)
{
    /// <summary>PostgreSQL's system column changes on every update of a row, so it needs no maintenance.</summary>
    protected override void AddRowVersion(EntityTypeBuilder entity) => entity.Property<uint>("xmin").IsRowVersion();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // Npgsql writes timestamptz only from UTC values and reads UTC back; the portal works in China time.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ChinaTimeConverters.ToUtc>();
    }
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without starting the web host.</summary>
internal sealed class PostgresPortalDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>()
                .UsePortalPostgres("Host=localhost;Database=research_portal_design")
                .Options,
            DesignTimeIdNumberProtection.Create());
}
