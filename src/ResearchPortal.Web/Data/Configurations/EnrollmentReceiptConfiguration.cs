using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Data.IdNumbers;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class EnrollmentReceiptConfiguration : IEntityTypeConfiguration<EnrollmentReceipt>
{
    public void Configure(EntityTypeBuilder<EnrollmentReceipt> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.BelongsToProject(r => r.PlanProjectId);
        builder.HasProtectedIdNumber(r => r.IdNumber);

        // Not unique: a declined or withdrawn receipt may be followed by a new one; the domain refuses two live ones.
        builder.HasIndex(nameof(EnrollmentReceipt.PlanProjectId), IdNumberMapping.HashProperty);
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
