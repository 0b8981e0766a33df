using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Rules;

namespace ResearchPortal.Domain.Outcomes;

/// <summary>研修成果 written by a trainee; the organizer recommends up to 20 % of the roster, the province selects.</summary>
public sealed class ResearchOutcome
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 2000;

    private ResearchOutcome()
    {
        Title = string.Empty;
        Summary = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PlanProjectId { get; private set; }

    public Guid AuthorRosterEntryId { get; private set; }

    public string Title { get; private set; }

    public string Summary { get; private set; }

    /// <summary>The optional full text, a <see cref="StoredFile"/>.</summary>
    public Guid? FileId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public bool IsRecommended { get; private set; }

    public bool IsSelected { get; private set; }

    public static Result<ResearchOutcome> Submit(
        Guid planProjectId, Guid authorRosterEntryId, string title, string summary, Guid? fileId, DateTimeOffset now)
    {
        var errors = new ErrorCollector()
            .When(authorRosterEntryId == Guid.Empty, "Required", "请选择作者（学员）。", nameof(AuthorRosterEntryId))
            .RequiredWithin(title, TitleMaxLength, nameof(Title), "成果标题")
            .RequiredWithin(summary, SummaryMaxLength, nameof(Summary), "成果摘要");

        return errors.ToResult(() => new ResearchOutcome
        {
            Id = Guid.CreateVersion7(),
            PlanProjectId = planProjectId,
            AuthorRosterEntryId = authorRosterEntryId,
            Title = title.Trim(),
            Summary = summary.Trim(),
            FileId = fileId,
            SubmittedAt = now,
        });
    }

    /// <param name="currentlyRecommendedInProject">Outcomes of this project already recommended (this one excluded,
    /// since it is not recommended yet).</param>
    public Result Recommend(int currentlyRecommendedInProject, int rosterSize)
    {
        if (IsRecommended)
        {
            return Result.Success();
        }

        var cap = SeminarRules.MaxRecommendedOutcomes(rosterSize);
        if (currentlyRecommendedInProject >= cap)
        {
            return Result.Failure(new Error(
                "Outcome.CapReached",
                $"推荐成果数量不得超过学员人数的{SeminarRules.OutcomeCapPercent}%（上限 {cap} 项）。",
                nameof(IsRecommended)));
        }

        IsRecommended = true;
        return Result.Success();
    }

    public Result Unrecommend()
    {
        if (IsSelected)
        {
            return Result.Failure(new Error("Outcome.Selected", "该成果已被评选为优秀成果，不能撤销推荐。", nameof(IsRecommended)));
        }

        IsRecommended = false;
        return Result.Success();
    }

    public Result Select()
    {
        if (!IsRecommended)
        {
            return Result.Failure(new Error("Outcome.NotRecommended", "只能评选已推荐的成果。", nameof(IsSelected)));
        }

        IsSelected = true;
        return Result.Success();
    }

    public void Unselect() => IsSelected = false;
}
