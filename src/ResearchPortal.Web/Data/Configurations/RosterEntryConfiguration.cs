using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data.IdNumbers;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class RosterEntryConfiguration : IEntityTypeConfiguration<RosterEntry>
{
    public const int CertificateNumberMaxLength = 100;

    public void Configure(EntityTypeBuilder<RosterEntry> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasTriggers(ListVersionConfiguration.TriggersOn("RosterEntries"));
        builder.BelongsToProject(e => e.PlanProjectId);
        builder.HasOptimisticConcurrency();
        builder.HasProtectedIdNumber(e => e.IdNumber);
        builder.HasIndex(nameof(RosterEntry.PlanProjectId), IdNumberMapping.HashProperty).IsUnique();

        // The roster page reads its rows in this order, and counts the passed trainees still waiting for a number.
        builder.HasIndex(e => new { e.PlanProjectId, e.Sequence, e.Id });
        builder.HasIndex(e => e.PlanProjectId, "IX_RosterEntries_AwaitingCertificate")
            .HasFilter($"\"{nameof(RosterEntry.Passed)}\" AND \"{nameof(RosterEntry.CertificateNumber)}\" IS NULL");

        // Unique across the whole system; both providers let any number of rows leave it NULL. Stored normalized
        // (CertificateNumbers.Normalize), so a verification look-up is an exact match on this index.
        builder.HasIndex(e => e.CertificateNumber).IsUnique();
        builder.Property(e => e.CertificateNumber).HasMaxLength(CertificateNumberMaxLength);
        builder.OwnsMany(e => e.RevokedCertificates, revoked =>
        {
            revoked.ToTable("RevokedCertificates");
            revoked.WithOwner().HasForeignKey("RosterEntryId");

            // A revoked number is never issued again, so it names its row on its own: the key is its index.
            revoked.HasKey(r => r.Number);
            revoked.Property(r => r.Number).HasMaxLength(CertificateNumberMaxLength);
            revoked.Property(r => r.Reason).HasMaxLength(RosterEntry.RevocationReasonMaxLength);
            revoked.Property(r => r.RevokedByUserId).HasMaxLength(AuditEntry.UserIdMaxLength);
            revoked.Property(r => r.RevokedByName).HasMaxLength(PortalUser.DisplayNameMaxLength);
        });
        builder.Navigation(e => e.RevokedCertificates).HasField("_revokedCertificates");
        builder.Property(e => e.Name).HasMaxLength(RosterEntry.TextMaxLength);
        builder.Property(e => e.WorkUnit).HasMaxLength(RosterEntry.TextMaxLength);
        builder.Property(e => e.ProfessionalTitle).HasMaxLength(RosterEntry.TextMaxLength);
        builder.Property(e => e.Phone).HasMaxLength(RosterEntry.TextMaxLength);
        builder.HasOne<EnrollmentReceipt>().WithMany().HasForeignKey(e => e.ReceiptId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.TraineeUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
