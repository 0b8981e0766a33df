using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class ProjectTallyConfiguration : IEntityTypeConfiguration<ProjectTally>
{
    /// <summary>The triggers on <c>PlanProjects</c> that keep the tallies (declared so EF knows the table has them).</summary>
    public static readonly string[] Triggers = ["ProjectTallies_Insert", "ProjectTallies_Update", "ProjectTallies_Delete"];

    public void Configure(EntityTypeBuilder<ProjectTally> builder)
    {
        builder.ToTable("ProjectTallies");
        builder.HasKey(t => t.Year);
        builder.Property(t => t.Year).ValueGeneratedNever();
    }
}
