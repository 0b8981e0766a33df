using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchPortal.Web.Data.Configurations;

/// <summary>
/// The review queue reads filings from the database view <c>FilingReviewItems</c> (migration
/// <c>FilingReviewView</c>, written for each provider; since <c>FilingStoredTotals</c> the hours and the returns are the
/// filing's own columns). As LINQ, the joins and JSON aggregates made EF walk, hash and compare a large query tree on every request.
/// Change the view in a migration when a column it reads changes.
/// </summary>
internal sealed class FilingReviewItemConfiguration : IEntityTypeConfiguration<FilingReviewItem>
{
    public void Configure(EntityTypeBuilder<FilingReviewItem> builder)
    {
        builder.HasNoKey();
        builder.ToView("FilingReviewItems");
    }
}
