using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class ReceiptTallyConfiguration : IEntityTypeConfiguration<ReceiptTally>
{
    /// <summary>The triggers on <c>EnrollmentReceipts</c> that keep the tallies (declared so EF knows the table has them).</summary>
    public static readonly string[] Triggers = ["ReceiptTallies_Insert", "ReceiptTallies_Update", "ReceiptTallies_Delete"];

    public void Configure(EntityTypeBuilder<ReceiptTally> builder)
    {
        builder.ToTable("ReceiptTallies");
        builder.HasKey(t => new { t.PlanProjectId, t.Status });
    }
}
