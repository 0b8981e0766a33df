using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Outcomes;
using ResearchPortal.Domain.Roster;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class ResearchOutcomeConfiguration : IEntityTypeConfiguration<ResearchOutcome>
{
    public void Configure(EntityTypeBuilder<ResearchOutcome> builder)
    {
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.BelongsToProject(o => o.PlanProjectId);
        builder.Property(o => o.Title).HasMaxLength(ResearchOutcome.TitleMaxLength);
        builder.Property(o => o.Summary).HasMaxLength(ResearchOutcome.SummaryMaxLength);
        builder.HasOne<RosterEntry>().WithMany().HasForeignKey(o => o.AuthorRosterEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(o => o.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
