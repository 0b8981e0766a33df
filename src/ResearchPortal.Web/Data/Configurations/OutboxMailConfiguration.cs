using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMail.AddressMaxLength);
        builder.Property(m => m.ToName).HasMaxLength(OutboxMail.AddressMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMail.SubjectMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMail.ErrorMaxLength);

        // The sender's query: unsent mails by their next attempt.
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
