using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.PartyGroups;
using ResearchPortal.Domain.Roster;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class PartyGroupConfiguration : IEntityTypeConfiguration<PartyGroup>
{
    public const int RoleMaxLength = 50;

    public void Configure(EntityTypeBuilder<PartyGroup> builder)
    {
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.BelongsToProject(g => g.PlanProjectId, onePerProject: true);
        builder.OwnsMany(g => g.Members, member =>
        {
            member.ToTable("PartyGroupMembers");
            member.Property(m => m.Id).ValueGeneratedNever();
            member.Property(m => m.Name).HasMaxLength(PartyGroup.NameMaxLength);
            member.Property(m => m.Role).HasMaxLength(RoleMaxLength);
            member.HasOne<RosterEntry>().WithMany().HasForeignKey(m => m.RosterEntryId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.OwnsMany(g => g.Activities, activity =>
        {
            activity.ToTable("PartyActivities");
            activity.Property(a => a.Id).ValueGeneratedNever();
            activity.Property(a => a.Summary).HasMaxLength(PartyGroup.SummaryMaxLength);
            activity.Property(a => a.OtherKindName).HasMaxLength(PartyGroup.NameMaxLength);
        });
    }
}
