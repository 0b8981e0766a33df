using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Rules;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class CloseOutConfiguration : IEntityTypeConfiguration<CloseOut>
{
    public void Configure(EntityTypeBuilder<CloseOut> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasTriggers(ListVersionConfiguration.TriggersOn("CloseOuts"));
        builder.BelongsToProject(c => c.PlanProjectId, onePerProject: true);
        builder.HasOptimisticConcurrency();
        // 结业材料审核 lists the submitted close-outs, oldest submission first.
        builder.HasIndex(c => new { c.Status, c.SubmittedAt });
        builder.Property(c => c.UnderstaffedExplanation).HasMaxLength(CloseOut.ExplanationMaxLength);
        builder.Property(c => c.LastReviewComment).HasMaxLength(CloseOut.CommentMaxLength);

        // Complex types, not owned entities: value objects without identity, so the domain may share an instance
        // (e.g. AcceptanceForm.Empty) between aggregates.
        builder.ComplexProperty(c => c.Report);
        builder.ComplexProperty(c => c.Acceptance, acceptance =>
        {
            acceptance.Property(a => a.ResponsiblePerson).HasMaxLength(CloseOut.ContactMaxLength);
            acceptance.Property(a => a.Phone).HasMaxLength(CloseOut.ContactMaxLength);
            acceptance.Property(a => a.Summary).HasMaxLength(SeminarRules.AcceptanceSummaryMaxLength);
            acceptance.Property(a => a.HostScore).HasConversion(ScoreColumn.Converter);
            acceptance.Property(a => a.ApplicantScore).HasConversion(ScoreColumn.Converter);
        });
        builder.OwnsMany(c => c.Transitions, transitions => transitions.ToJson());
    }
}

internal static class ScoreColumn
{
    /// <summary>Stored as the plain integer; values were range-checked by <see cref="Score.Create"/> on the way in.</summary>
    // EF never hands null to a converter; the nullable type only matches the optional properties.
    public static readonly ValueConverter<Score?, int> Converter = new(
        score => score!.Value,
        stored => Score.Create(stored, nameof(Score.Value)).Value);
}
