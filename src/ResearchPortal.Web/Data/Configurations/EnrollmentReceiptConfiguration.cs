using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Data.IdNumbers;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class EnrollmentReceiptConfiguration : IEntityTypeConfiguration<EnrollmentReceipt>
{
    public const string LivePerPersonIndex = "IX_EnrollmentReceipts_LivePerPerson";

    public void Configure(EntityTypeBuilder<EnrollmentReceipt> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasTriggers(ReceiptTallyConfiguration.Triggers.Concat(ListVersionConfiguration.TriggersOn("EnrollmentReceipts")));
        builder.BelongsToProject(r => r.PlanProjectId);
        builder.HasProtectedIdNumber(r => r.IdNumber);

        // Finds a person's receipts for a project, whatever their state.
        builder.HasIndex(nameof(EnrollmentReceipt.PlanProjectId), IdNumberMapping.HashProperty);

        // The enrollment queue: its counts by status, and the waiting receipts first come, first served — in the
        // page's exact order (the id breaks ties), so a page is read from the index without sorting the queue.
        builder.HasIndex(r => new { r.PlanProjectId, r.Status, r.SubmittedAt, r.Id });

        // One live receipt per person and project, even when two submissions race past the domain's check; a
        // declined or withdrawn receipt may be followed by a new one. The same SQL filter works on both providers.
        builder.HasIndex([nameof(EnrollmentReceipt.PlanProjectId), IdNumberMapping.HashProperty], LivePerPersonIndex)
            .IsUnique()
            .HasFilter($"\"{nameof(EnrollmentReceipt.Status)}\" IN ('{nameof(ReceiptStatus.Submitted)}', '{nameof(ReceiptStatus.Accepted)}')");

        // Accept, decline and withdraw each start from 待审核: the row version lets only the first of them win.
        builder.HasOptimisticConcurrency();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.TraineeUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.DecisionReason).HasMaxLength(EnrollmentReceipt.ReasonMaxLength);
        builder.Property(r => r.DecidedBy).HasMaxLength(PortalUser.DisplayNameMaxLength);
        builder.ComplexProperty(r => r.Form, EnrollmentFormColumns.Configure);
    }
}

internal static class EnrollmentFormColumns
{
    public static void Configure(ComplexPropertyBuilder<EnrollmentForm> form)
    {
        foreach (var shortText in new[]
                 {
                     nameof(EnrollmentForm.Name), nameof(EnrollmentForm.Ethnicity), nameof(EnrollmentForm.Position), nameof(EnrollmentForm.ProfessionalTitle), nameof(EnrollmentForm.PoliticalStatus),
                     nameof(EnrollmentForm.TitleCertificateNumber), nameof(EnrollmentForm.Landline), nameof(EnrollmentForm.Mobile),
                     nameof(EnrollmentForm.QQ), nameof(EnrollmentForm.Postcode), nameof(EnrollmentForm.UnitContact),
                     nameof(EnrollmentForm.ContactPhone), nameof(EnrollmentForm.Fax),
                 })
        {
            form.Property(shortText).HasMaxLength(EnrollmentForm.ShortTextMaxLength);
        }

        foreach (var longText in new[]
                 {
                     nameof(EnrollmentForm.UnitName), nameof(EnrollmentForm.Email), nameof(EnrollmentForm.WorkUnit), nameof(EnrollmentForm.MailingAddress),
                 })
        {
            form.Property(longText).HasMaxLength(EnrollmentForm.LongTextMaxLength);
        }

        form.Property(f => f.Remarks).HasMaxLength(EnrollmentForm.RemarksMaxLength);
    }
}
