using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Inspections;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotCheck> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.BelongsToProject(c => c.PlanProjectId);
        builder.Property(c => c.Inspector).HasMaxLength(SpotCheck.InspectorMaxLength);
        builder.Property(c => c.Findings).HasMaxLength(SpotCheck.FindingsMaxLength);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(AuditEntry.UserIdMaxLength);
        builder.Property(c => c.RecordedByName).HasMaxLength(PortalUser.DisplayNameMaxLength);
    }
}
