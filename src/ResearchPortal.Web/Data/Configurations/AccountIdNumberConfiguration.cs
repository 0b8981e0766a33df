using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Data.IdNumbers;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class AccountIdNumberConfiguration : IEntityTypeConfiguration<AccountIdNumber>
{
    public void Configure(EntityTypeBuilder<AccountIdNumber> builder)
    {
        // One number per account: the key makes two first receipts of one account, sent at once, bind only one.
        builder.HasKey(a => a.UserId);
        builder.HasOne<PortalUser>().WithOne().HasForeignKey<AccountIdNumber>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasProtectedIdNumber(a => a.IdNumber);
        builder.Property(a => a.ChangedBy).HasMaxLength(PortalUser.DisplayNameMaxLength);
    }
}
