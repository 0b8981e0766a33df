using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class EnrollmentVersionConfiguration : IEntityTypeConfiguration<EnrollmentVersion>
{
    /// <summary>The triggers that move the version, by the table they are on (declared so EF knows the tables have them).</summary>
    public static string[] TriggersOn(string table) => [$"{table}_Version_Insert", $"{table}_Version_Update", $"{table}_Version_Delete"];

    public void Configure(EntityTypeBuilder<EnrollmentVersion> builder)
    {
        builder.ToTable("EnrollmentVersions");
        builder.HasKey(v => v.PlanProjectId);
    }
}
