using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class ListVersionConfiguration : IEntityTypeConfiguration<ListVersion>
{
    /// <summary>The triggers that move a version, on the table named (declared so EF knows the tables have them).</summary>
    public static string[] TriggersOn(string table) => [$"{table}_Version_Insert", $"{table}_Version_Update", $"{table}_Version_Delete"];

    public void Configure(EntityTypeBuilder<ListVersion> builder)
    {
        builder.ToTable("ListVersions");
        builder.HasKey(v => v.Scope);
    }
}
