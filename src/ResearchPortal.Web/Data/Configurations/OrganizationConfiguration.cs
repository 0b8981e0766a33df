using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Organizations;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.HasTriggers(ListVersionConfiguration.TriggersOn("Organizations"));
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.City).HasMaxLength(Organization.CityMaxLength);
        builder.HasIndex(o => o.Name).IsUnique();
        // The lists' city filter and the distinct cities it offers.
        builder.HasIndex(o => o.City);
    }
}
