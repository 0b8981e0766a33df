using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Inspections;

/// <summary>检查抽查: the province's record of an unannounced check on a project.</summary>
public sealed class SpotCheck
{
    public const int InspectorMaxLength = 100;
    public const int FindingsMaxLength = 4000;

    private SpotCheck()
    {
        Inspector = string.Empty;
        Findings = string.Empty;
        RecordedByUserId = string.Empty;
        RecordedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PlanProjectId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Inspector { get; private set; }

    public string Findings { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedByName { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Result<SpotCheck> Record(
        Guid planProjectId, DateOnly date, string inspector, string findings, Actor recordedBy, DateOnly today, DateTimeOffset now)
    {
        var errors = new ErrorCollector()
            .When(planProjectId == Guid.Empty, "Required", "请选择被检查的项目。", nameof(PlanProjectId))
            .When(date > today, "SpotCheck.DateInFuture", "检查日期不能晚于今天。", nameof(Date))
            .RequiredWithin(inspector, InspectorMaxLength, nameof(Inspector), "检查人")
            .RequiredWithin(findings, FindingsMaxLength, nameof(Findings), "检查情况");

        return errors.ToResult(() => new SpotCheck
        {
            Id = Guid.CreateVersion7(),
            PlanProjectId = planProjectId,
            Date = date,
            Inspector = inspector.Trim(),
            Findings = findings.Trim(),
            RecordedByUserId = recordedBy.UserId,
            RecordedByName = recordedBy.DisplayName,
            RecordedAt = now,
        });
    }
}
