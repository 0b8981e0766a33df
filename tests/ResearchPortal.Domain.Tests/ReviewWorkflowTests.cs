using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

/// <summary>The review workflow 备案 and 结业材料 share: its moves, what each stage allows, and its words.</summary>
public class ReviewWorkflowTests
{
    private enum ThirdRecordStatus
    {
        New,
        HandedIn,
        SentBack,
        Done,
    }

    /// <summary>The next reviewed record only maps its statuses onto the stages.</summary>
    private static readonly ReviewWorkflow<ThirdRecordStatus> Third = new("Third", "材料", status => status switch
    {
        ThirdRecordStatus.New => ReviewStage.Draft,
        ThirdRecordStatus.HandedIn => ReviewStage.Submitted,
        ThirdRecordStatus.SentBack => ReviewStage.Returned,
        ThirdRecordStatus.Done => ReviewStage.Decided,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    }, status => status.ToString());

    [Theory]
    [InlineData(ReviewStage.Draft, ReviewStage.Submitted, true)]
    [InlineData(ReviewStage.Returned, ReviewStage.Submitted, true)]
    [InlineData(ReviewStage.Submitted, ReviewStage.Returned, true)]
    [InlineData(ReviewStage.Submitted, ReviewStage.Decided, true)]
    [InlineData(ReviewStage.Draft, ReviewStage.Decided, false)]
    [InlineData(ReviewStage.Draft, ReviewStage.Returned, false)]
    [InlineData(ReviewStage.Returned, ReviewStage.Decided, false)]
    [InlineData(ReviewStage.Submitted, ReviewStage.Submitted, false)]
    [InlineData(ReviewStage.Submitted, ReviewStage.Draft, false)]
    [InlineData(ReviewStage.Decided, ReviewStage.Returned, false)]
    [InlineData(ReviewStage.Decided, ReviewStage.Submitted, false)]
    [InlineData(ReviewStage.Decided, ReviewStage.Draft, false)]
    public void Only_hand_in_return_and_decide_are_moves(ReviewStage from, ReviewStage to, bool allowed) =>
        Assert.Equal(allowed, ReviewWorkflowRules.Allows(from, to));

    [Theory]
    [InlineData(FilingStatus.Draft, true, false)]
    [InlineData(FilingStatus.Submitted, false, true)]
    [InlineData(FilingStatus.Returned, true, false)]
    [InlineData(FilingStatus.Approved, false, false)]
    public void A_filing_is_edited_as_draft_or_returned_and_decided_when_submitted(FilingStatus status, bool editable, bool awaitsDecision)
    {
        Assert.Equal(editable, Filing.Workflow.IsEditable(status));
        Assert.Equal(awaitsDecision, Filing.Workflow.AwaitsDecision(status));
    }

    [Theory]
    [InlineData(CloseOutStatus.Draft, true, false)]
    [InlineData(CloseOutStatus.Submitted, false, true)]
    [InlineData(CloseOutStatus.Returned, true, false)]
    [InlineData(CloseOutStatus.Accepted, false, false)]
    public void A_close_out_follows_the_same_stages(CloseOutStatus status, bool editable, bool awaitsDecision)
    {
        Assert.Equal(editable, CloseOut.Workflow.IsEditable(status));
        Assert.Equal(awaitsDecision, CloseOut.Workflow.AwaitsDecision(status));
    }

    [Fact]
    public void A_move_outside_the_workflow_is_a_programming_error() =>
        Assert.Throws<InvalidOperationException>(() => Filing.Workflow.Move(FilingStatus.Approved, FilingStatus.Returned, "再改改"));

    [Fact]
    public void A_decision_carries_the_reviewer_comment_and_a_hand_in_does_not()
    {
        var handIn = CloseOut.Workflow.Move(CloseOutStatus.Returned, CloseOutStatus.Submitted, comment: null);
        var decision = CloseOut.Workflow.Move(CloseOutStatus.Submitted, CloseOutStatus.Returned, "  请补充自评报告。 ");

        Assert.False(handIn.IsDecision);
        Assert.True(decision.IsDecision);
        Assert.Equal("请补充自评报告。", decision.Comment);
    }

    [Fact]
    public void Refusals_name_the_record_and_its_status()
    {
        var edit = AssertSingleError(CloseOut.Workflow.EditableCheck(CloseOutStatus.Accepted), "CloseOut.NotEditable");
        var submit = AssertSingleError(Filing.Workflow.SubmissionCheck(FilingStatus.Submitted), "Filing.InvalidState");
        var decide = AssertSingleError(Filing.Workflow.DecisionCheck(FilingStatus.Returned, null, commentRequired: false), "Filing.InvalidState");

        Assert.Equal("结业材料当前状态为“已验收”，不能修改。", edit.Message);
        Assert.Equal("备案当前状态为“已提交待审核”，不能提交。", submit.Message);
        Assert.Equal("只能审核已提交的备案，当前状态为“已退回”。", decide.Message);
    }

    [Theory]
    [InlineData(ReviewWorkflowRules.CommentMaxLength, true)]
    [InlineData(ReviewWorkflowRules.CommentMaxLength + 1, false)]
    public void A_review_comment_is_at_most_1000_characters(int length, bool accepted) =>
        Assert.Equal(accepted, Filing.Workflow.DecisionCheck(FilingStatus.Submitted, new string('意', length), commentRequired: true).IsSuccess);

    [Fact]
    public void A_return_needs_a_comment_and_an_approval_does_not()
    {
        AssertSingleError(Filing.Workflow.DecisionCheck(FilingStatus.Submitted, "  ", commentRequired: true), "Required");
        AssertSuccess(Filing.Workflow.DecisionCheck(FilingStatus.Submitted, null, commentRequired: false));
    }

    [Fact]
    public void The_first_submission_day_survives_a_return_and_resubmission()
    {
        var transitions = new[]
        {
            (ThirdRecordStatus.HandedIn, At("2024-09-02")),
            (ThirdRecordStatus.SentBack, At("2024-09-03")),
            (ThirdRecordStatus.HandedIn, At("2024-09-05")),
        };

        Assert.Equal(D("2024-09-02"), Third.FirstSubmissionDay(transitions));
        Assert.Equal([D("2024-09-02"), D("2024-09-05")], Third.SubmissionDays(transitions));
        Assert.Null(Third.FirstSubmissionDay([]));
    }

    [Fact]
    public void A_third_record_gets_the_whole_workflow_from_its_stage_map()
    {
        Assert.True(Third.IsEditable(ThirdRecordStatus.SentBack));
        Assert.False(Third.IsEditable(ThirdRecordStatus.Done));
        Assert.True(Third.Move(ThirdRecordStatus.HandedIn, ThirdRecordStatus.Done, null).IsDecision);
        Assert.Throws<InvalidOperationException>(() => Third.Move(ThirdRecordStatus.New, ThirdRecordStatus.Done, null));
    }

    [Fact]
    public void A_status_without_a_stage_fails_when_the_workflow_is_built() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReviewWorkflow<ThirdRecordStatus>("Third", "材料", status =>
            status == ThirdRecordStatus.Done ? throw new ArgumentOutOfRangeException(nameof(status)) : ReviewStage.Draft, status => status.ToString()));
}
