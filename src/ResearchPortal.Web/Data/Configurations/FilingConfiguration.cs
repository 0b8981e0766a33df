using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class FilingConfiguration : IEntityTypeConfiguration<Filing>
{
    public void Configure(EntityTypeBuilder<Filing> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasTriggers(ListVersionConfiguration.TriggersOn("Filings"));
        builder.BelongsToProject(f => f.PlanProjectId, onePerProject: true);
        builder.HasOptimisticConcurrency();
        // 备案审核 and 研修班报名 read the filings of one status.
        builder.HasIndex(f => f.Status);
        builder.Property(f => f.Venue).HasMaxLength(Filing.VenueMaxLength);
        builder.Property(f => f.ContactPerson).HasMaxLength(Filing.ContactMaxLength);
        builder.Property(f => f.ContactPosition).HasMaxLength(Filing.ContactMaxLength);
        builder.Property(f => f.OfficePhone).HasMaxLength(Filing.ContactMaxLength);
        builder.Property(f => f.Mobile).HasMaxLength(Filing.ContactMaxLength);
        builder.Property(f => f.LastReviewComment).HasMaxLength(Filing.CommentMaxLength);
        builder.ComplexProperty(f => f.Dates, dates =>
        {
            dates.Property(d => d.Start).HasColumnName(nameof(Filing.StartDate));
            dates.Property(d => d.End).HasColumnName(nameof(Filing.EndDate));
        });
        builder.ComplexProperty(f => f.ImplementationPlan, StoredFileReference.Configure);
        builder.ComplexProperty(f => f.Notice, StoredFileReference.Configure);
        builder.ComplexProperty(f => f.LateSubmissionAllowance, allowance =>
        {
            allowance.Property(a => a.Reason).HasMaxLength(Filing.CommentMaxLength);
            allowance.Property(a => a.GrantedByUserId).HasMaxLength(450);
            allowance.Property(a => a.GrantedByName).HasMaxLength(PortalUser.DisplayNameMaxLength);
        });

        // Lists read and written whole with the filing, in their order: one JSON column each.
        builder.OwnsMany(f => f.ExpertSessions, sessions => sessions.ToJson());
        builder.OwnsMany(f => f.Transitions, transitions => transitions.ToJson());
    }
}

/// <summary>Attachment metadata kept beside the owner; <see cref="AttachmentInfo.StoredFileId"/> names the
/// <see cref="StoredFile"/> row with the bytes (a complex type cannot carry a foreign-key constraint).</summary>
internal static class StoredFileReference
{
    public static void Configure(ComplexPropertyBuilder<AttachmentInfo> attachment)
    {
        attachment.Property(a => a.FileName).HasMaxLength(StoredFile.FileNameMaxLength);
        attachment.Property(a => a.ContentType).HasMaxLength(StoredFile.FileNameMaxLength);
    }
}
