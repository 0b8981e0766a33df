using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Plans;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class PlanYearConfiguration : IEntityTypeConfiguration<PlanYear>
{
    public void Configure(EntityTypeBuilder<PlanYear> builder)
    {
        builder.HasKey(y => y.Year);
        builder.HasTriggers(ListVersionConfiguration.TriggersOn("PlanYears"));
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.CertificateNumberPattern)
            .HasConversion(pattern => pattern.Value, stored => CertificateNumberPattern.FromTrusted(stored))
            .HasMaxLength(CertificateNumberPattern.MaxLength);
    }
}
