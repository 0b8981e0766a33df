using ResearchPortal.Domain.Outcomes;
using ResearchPortal.Domain.Rules;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class OutcomeTests
{
    private static ResearchOutcome Outcome() =>
        ResearchOutcome.Submit(Guid.CreateVersion7(), Guid.CreateVersion7(), "关于推进智慧医疗的建议", "摘要", null, Now).Value;

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(30, 6)]
    [InlineData(34, 6)]
    [InlineData(35, 7)]
    [InlineData(100, 20)]
    public void At_most_twenty_percent_of_the_roster_is_recommended(int rosterSize, int cap)
    {
        Assert.Equal(cap, SeminarRules.MaxRecommendedOutcomes(rosterSize));

        if (cap > 0)
        {
            AssertSuccess(Outcome().Recommend(cap - 1, rosterSize));
        }

        var refused = Outcome();
        var error = AssertSingleError(refused.Recommend(cap, rosterSize), "Outcome.CapReached");
        Assert.Equal($"推荐成果数量不得超过学员人数的20%（上限 {cap} 项）。", error.Message);
        Assert.False(refused.IsRecommended);
    }

    [Fact]
    public void Recommending_twice_is_harmless()
    {
        var outcome = Outcome();
        AssertSuccess(outcome.Recommend(0, 30));

        AssertSuccess(outcome.Recommend(6, 30));
        Assert.True(outcome.IsRecommended);
    }

    [Fact]
    public void Only_recommended_outcomes_can_be_selected()
    {
        var outcome = Outcome();

        AssertSingleError(outcome.Select(), "Outcome.NotRecommended");
        AssertSuccess(outcome.Recommend(0, 30));
        AssertSuccess(outcome.Select());
        Assert.True(outcome.IsSelected);
    }

    [Fact]
    public void A_selected_outcome_cannot_be_unrecommended_until_unselected()
    {
        var outcome = Outcome();
        AssertSuccess(outcome.Recommend(0, 30));
        AssertSuccess(outcome.Select());

        AssertSingleError(outcome.Unrecommend(), "Outcome.Selected");
        outcome.Unselect();
        AssertSuccess(outcome.Unrecommend());
        Assert.False(outcome.IsRecommended);
    }

    [Fact]
    public void An_outcome_needs_author_title_and_summary() =>
        Assert.Equal(
            [nameof(ResearchOutcome.AuthorRosterEntryId), nameof(ResearchOutcome.Title), nameof(ResearchOutcome.Summary)],
            Fields(ResearchOutcome.Submit(Guid.CreateVersion7(), Guid.Empty, "", "", null, Now)));
}
