using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class PlanProjectConfiguration : IEntityTypeConfiguration<PlanProject>
{
    public void Configure(EntityTypeBuilder<PlanProject> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasTriggers(ProjectTallyConfiguration.Triggers.Concat(ListVersionConfiguration.TriggersOn("PlanProjects")));
        builder.Property(p => p.ProjectNumber).HasMaxLength(PlanProject.ProjectNumberMaxLength);
        builder.Property(p => p.Name).HasMaxLength(PlanProject.NameMaxLength);
        builder.Property(p => p.Field).HasMaxLength(PlanProject.FieldMaxLength);
        // Newest year first, by number within it: the project list's default order, read from the index.
        builder.HasIndex(p => new { p.Year, p.ProjectNumber }).IsUnique().IsDescending(true, false);
        builder.HasOne<PlanYear>().WithMany().HasForeignKey(p => p.Year).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.ApplicantOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.HostOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
