using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class PortalSecretConfiguration : IEntityTypeConfiguration<PortalSecret>
{
    public void Configure(EntityTypeBuilder<PortalSecret> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(PortalSecret.NameMaxLength);
    }
}
