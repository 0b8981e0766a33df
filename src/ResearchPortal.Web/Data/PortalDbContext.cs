using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Inspections;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Outcomes;
using ResearchPortal.Domain.PartyGroups;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data.IdNumbers;

namespace ResearchPortal.Web.Data;

/// <summary>
/// The portal's unit of work. Pages inject this type; the registered instance is one of the provider subclasses,
/// each with its own migrations (<see cref="PostgresPortalDbContext"/>, <see cref="SqlitePortalDbContext"/>).
/// </summary>
public abstract class PortalDbContext(DbContextOptions options, IdNumberProtection idNumberProtection)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<PlanYear> PlanYears => Set<PlanYear>();

    public DbSet<PlanProject> PlanProjects => Set<PlanProject>();

    public DbSet<Filing> Filings => Set<Filing>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<EnrollmentReceipt> EnrollmentReceipts => Set<EnrollmentReceipt>();

    /// <summary>Kept by the database's triggers; read only.</summary>
    public DbSet<ReceiptTally> ReceiptTallies => Set<ReceiptTally>();

    public DbSet<ProjectTally> ProjectTallies => Set<ProjectTally>();

    /// <summary>Kept by the database's triggers; read only.</summary>
    public DbSet<ListVersion> ListVersions => Set<ListVersion>();

    public DbSet<AccountIdNumber> AccountIdNumbers => Set<AccountIdNumber>();

    public DbSet<RosterEntry> RosterEntries => Set<RosterEntry>();

    public DbSet<PartyGroup> PartyGroups => Set<PartyGroup>();

    public DbSet<ResearchOutcome> ResearchOutcomes => Set<ResearchOutcome>();

    public DbSet<CloseOut> CloseOuts => Set<CloseOut>();

    public DbSet<SpotCheck> SpotChecks => Set<SpotCheck>();

    public DbSet<HolidayCalendarYear> HolidayCalendarYears => Set<HolidayCalendarYear>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PortalSecret> PortalSecrets => Set<PortalSecret>();

    public DbSet<SentReminder> SentReminders => Set<SentReminder>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Part of the model cache key: the ID-number converter is bound to this application's key ring.</summary>
    internal IdNumberProtection IdNumberProtection => idNumberProtection;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enum names rather than numbers: readable in SQL and safe against reordering an enum.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        // Hours (23.5) and the like; SQLite keeps decimals as TEXT, exact but not summed or ordered in SQL.
        configurationBuilder.Properties<decimal>().HavePrecision(9, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        IdNumberMapping.ApplyProtection(builder, idNumberProtection);
        foreach (var entityType in builder.Model.GetEntityTypes().Where(IsVersioned).ToList())
        {
            AddRowVersion(builder.Entity(entityType.ClrType));
        }
    }

    /// <summary>Adds the provider's row-version column to an aggregate marked with
    /// <see cref="OptimisticConcurrency.HasOptimisticConcurrency{T}"/>.</summary>
    protected abstract void AddRowVersion(EntityTypeBuilder entity);

    /// <summary>Called for each versioned aggregate about to be updated; a provider without a server-maintained
    /// version bumps it here.</summary>
    protected virtual void OnVersionedRowUpdating(EntityEntry entry)
    {
    }

    private void PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        IdNumberMapping.StampHashes(ChangeTracker, idNumberProtection);

        // A change only in owned data (e.g. a new expert session, stored in its own table) is still a change of
        // the aggregate: updating the aggregate's row makes the version check cover it.
        foreach (var owner in OwnersOfChangedOwnedData().Where(e => e.State == EntityState.Unchanged))
        {
            owner.State = EntityState.Modified;
        }

        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Modified && IsVersioned(e.Metadata)))
        {
            OnVersionedRowUpdating(entry);
        }
    }

    private static bool IsVersioned(IReadOnlyEntityType entityType) => entityType.FindAnnotation(OptimisticConcurrency.Annotation) is not null;

    /// <summary>Owned rows always carry their root aggregate's key as the leading part of the key pointing to
    /// their owner, so the root can be found without walking the object graph (deleted rows have left it).</summary>
    private List<EntityEntry> OwnersOfChangedOwnedData()
    {
        var entries = ChangeTracker.Entries().ToList();
        var owners = new List<EntityEntry>();
        foreach (var owned in entries.Where(e => e.Metadata.IsOwned() && e.State != EntityState.Unchanged))
        {
            var ownership = owned.Metadata.FindOwnership()!;
            var rootType = ownership.PrincipalEntityType;
            while (rootType.IsOwned())
            {
                rootType = rootType.FindOwnership()!.PrincipalEntityType;
            }

            var rootKey = rootType.FindPrimaryKey()!.Properties;
            var keyValues = ownership.Properties.Take(rootKey.Count).Select(p => owned.Property(p.Name).CurrentValue).ToList();
            owners.AddRange(entries.Where(e =>
                e.Metadata == rootType && rootKey.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(keyValues)));
        }

        return owners.Distinct().ToList();
    }
}
