using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.UserId).HasMaxLength(AuditEntry.UserIdMaxLength);
        builder.Property(e => e.UserName).HasMaxLength(AuditEntry.UserNameMaxLength);
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(e => e.Subject).HasMaxLength(AuditEntry.SubjectMaxLength);

        // Kept when a project is deleted: the trail must outlive what it describes, so no foreign key.
        builder.HasIndex(e => new { e.PlanProjectId, e.At });
        builder.HasIndex(e => e.At);
    }
}
