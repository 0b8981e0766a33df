using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.BelongsToProject(r => r.PlanProjectId);

        // A reminder is sent once per project, kind and deadline; a moved deadline earns a new one.
        builder.HasIndex(r => new { r.PlanProjectId, r.Kind, r.DueDate }).IsUnique();
    }
}
