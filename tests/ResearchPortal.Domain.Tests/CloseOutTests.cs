using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Common;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class CloseOutTests
{
    private const string EndDate = "2024-09-13";

    private static SelfEvaluationReport CompleteReport() => new()
    {
        BasicInformation = "基本情况",
        PerformanceGoals = "绩效目标",
        OrganizationAnalysis = "组织情况",
        ManagementAnalysis = "管理情况",
        PartyBuildingAnalysis = "党建情况",
        GoalCompletionAnalysis = "完成情况",
        FollowUpPlan = "后续计划",
        ExperienceAndSuggestions = "经验和建议",
        EvaluationWork = "评价工作",
        MainOutcomes = "主要成果",
    };

    private static Score S(int value) => Score.Create(value).Value;

    private static CloseOut ReadyToSubmit()
    {
        var closeOut = CloseOut.Start(Guid.CreateVersion7());
        AssertSuccess(closeOut.UpdateReport(CompleteReport()));
        AssertSuccess(closeOut.UpdateAcceptance("王主任", "0531-12345678", "研修顺利完成。", S(90)));
        AssertSuccess(closeOut.SetApplicantScore(S(85)));
        return closeOut;
    }

    private static Result Submit(CloseOut closeOut, string today, int rosterSize = 30, string end = EndDate) =>
        closeOut.Submit(Organizer, Now, D(today), D(end), rosterSize, WorkDays);

    [Theory]
    [InlineData(69, false)]
    [InlineData(70, true)]
    [InlineData(0, false)]
    [InlineData(100, true)]
    public void Scores_pass_from_70(int value, bool pass)
    {
        var score = S(value);

        Assert.Equal(pass, score.IsPass);
        Assert.Equal(pass ? "合格" : "不合格", score.Verdict);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Scores_outside_0_to_100_are_refused(int value) =>
        AssertSingleError(Score.Create(value), "Score.OutOfRange");

    [Fact]
    public void The_due_date_follows_the_notice_example() =>
        Assert.Equal(D("2024-10-11"), CloseOutDeadlines.DueDate(D(EndDate), WorkDays).Date);

    [Fact]
    public void Submitting_on_the_due_date_is_on_time()
    {
        var closeOut = ReadyToSubmit();

        AssertSuccess(Submit(closeOut, "2024-10-11"));

        Assert.Equal(CloseOutStatus.Submitted, closeOut.Status);
        Assert.Equal(D("2024-10-11"), closeOut.DueDate);
        Assert.False(closeOut.IsOverdue);
        Assert.Equal(0, closeOut.WorkingDaysLate);
        Assert.False(closeOut.DueDateProvisional);
    }

    [Theory]
    [InlineData("2024-10-12", 1)] // adjusted Saturday: one working day late
    [InlineData("2024-10-13", 1)] // Sunday: still one
    [InlineData("2024-10-14", 2)]
    [InlineData("2024-10-18", 6)]
    public void Late_submission_is_allowed_and_counted_in_working_days(string today, int late)
    {
        var closeOut = ReadyToSubmit();

        AssertSuccess(Submit(closeOut, today));

        Assert.True(closeOut.IsOverdue);
        Assert.Equal(late, closeOut.WorkingDaysLate);
    }

    [Fact]
    public void A_due_date_in_an_unpublished_year_is_provisional()
    {
        var closeOut = ReadyToSubmit();

        AssertSuccess(Submit(closeOut, "2027-06-15", end: "2027-06-10"));

        Assert.True(closeOut.DueDateProvisional);
        Assert.Equal(D("2027-07-01"), closeOut.DueDate);
    }

    [Fact]
    public void Close_out_cannot_be_submitted_before_the_class_ends() =>
        AssertSingleError(Submit(ReadyToSubmit(), "2024-09-12"), "CloseOut.BeforeEnd");

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void A_roster_under_30_needs_an_explanation_and_is_flagged(int rosterSize, bool acceptedWithoutExplanation)
    {
        var closeOut = ReadyToSubmit();

        var result = Submit(closeOut, "2024-09-20", rosterSize);

        Assert.Equal(acceptedWithoutExplanation, result.IsSuccess);
        if (!acceptedWithoutExplanation)
        {
            Assert.Equal(nameof(CloseOut.UnderstaffedExplanation), AssertSingleError(result, "CloseOut.ExplanationMissing").Field);
            AssertSuccess(closeOut.SetUnderstaffedExplanation("部分学员因疫情防控要求未能参加。"));
            AssertSuccess(Submit(closeOut, "2024-09-20", rosterSize));
        }

        Assert.Equal(!acceptedWithoutExplanation, closeOut.IsUnderstaffed);
        Assert.Equal(rosterSize, closeOut.RosterSizeAtSubmission);
    }

    [Fact]
    public void Checking_a_submission_reports_the_same_failures_and_changes_nothing()
    {
        var ready = ReadyToSubmit();

        AssertSuccess(ready.CheckSubmission(D("2024-09-20"), D(EndDate), rosterSize: 30));
        AssertSingleError(ready.CheckSubmission(D("2024-09-12"), D(EndDate), rosterSize: 30), "CloseOut.BeforeEnd");

        Assert.Equal(CloseOutStatus.Draft, ready.Status);
        Assert.Null(ready.SubmittedAt);
    }

    [Fact]
    public void An_empty_close_out_reports_every_missing_item_together()
    {
        var result = Submit(CloseOut.Start(Guid.CreateVersion7()), "2024-09-20", rosterSize: 10);

        var requiredItems = SelfEvaluationSections.AllItems.Where(item => item.IsRequired).Select(item => item.FieldName);
        Assert.Equal(
            requiredItems.Concat([
                nameof(AcceptanceForm.ResponsiblePerson), nameof(AcceptanceForm.Phone), nameof(AcceptanceForm.Summary),
                nameof(AcceptanceForm.HostScore), nameof(AcceptanceForm.ApplicantScore), nameof(CloseOut.UnderstaffedExplanation),
            ]),
            Fields(result));
    }

    [Fact]
    public void Shortfall_reasons_and_other_matters_are_optional()
    {
        var closeOut = ReadyToSubmit();

        AssertSuccess(Submit(closeOut, "2024-09-20"));

        Assert.Null(closeOut.Report.ShortfallReasons);
        Assert.Null(closeOut.Report.OtherMatters);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public void The_acceptance_summary_is_at_most_500_characters(int length, bool accepted)
    {
        var closeOut = CloseOut.Start(Guid.CreateVersion7());

        var result = closeOut.UpdateAcceptance("王主任", "0531-1", new string('研', length), null);

        Assert.Equal(accepted, result.IsSuccess);
    }

    [Fact]
    public void The_host_update_keeps_the_applicant_score_and_the_result_is_the_applicant_score()
    {
        var closeOut = ReadyToSubmit();

        AssertSuccess(closeOut.UpdateAcceptance("李主任", "0531-1", "摘要", S(60)));

        Assert.Equal(S(85), closeOut.Acceptance.ApplicantScore);
        Assert.Equal(S(85), closeOut.Acceptance.AcceptanceResult);
        Assert.Equal(S(60), closeOut.Acceptance.HostScore);
    }

    [Fact]
    public void Accept_from_submitted_and_nothing_changes_afterwards()
    {
        var closeOut = ReadyToSubmit();
        AssertSuccess(Submit(closeOut, "2024-09-20"));

        AssertSuccess(closeOut.Accept(Reviewer, Now, null));

        Assert.Equal(CloseOutStatus.Accepted, closeOut.Status);
        Assert.Equal(Now, closeOut.AcceptedAt);
        AssertSingleError(closeOut.SetApplicantScore(S(50)), "CloseOut.NotEditable");
        AssertSingleError(Submit(closeOut, "2024-09-20"), "CloseOut.InvalidState");
        AssertSingleError(closeOut.Return(Reviewer, Now, "退回"), "CloseOut.InvalidState");
    }

    [Fact]
    public void Return_needs_a_comment_and_allows_a_new_submission()
    {
        var closeOut = ReadyToSubmit();
        AssertSuccess(Submit(closeOut, "2024-09-20"));

        AssertSingleError(closeOut.Return(Reviewer, Now, ""), "Required");
        AssertSuccess(closeOut.Return(Reviewer, Now, "请补充党建情况"));
        Assert.Equal("请补充党建情况", closeOut.LastReviewComment);
        AssertSuccess(closeOut.SetApplicantScore(S(75)));
        AssertSuccess(Submit(closeOut, "2024-10-14"));

        Assert.False(closeOut.IsOverdue); // the first submission (2024-09-20) was on time
        Assert.Equal(
            [(CloseOutStatus.Draft, CloseOutStatus.Submitted), (CloseOutStatus.Submitted, CloseOutStatus.Returned),
             (CloseOutStatus.Returned, CloseOutStatus.Submitted)],
            closeOut.Transitions.Select(t => (t.From, t.To)));
    }

    private static Result SubmitOn(CloseOut closeOut, string day) =>
        closeOut.Submit(Organizer, At(day), D(day), D(EndDate), 30, WorkDays);

    [Theory]
    [InlineData("2024-10-11", false, 0, "首次提交 2024年10月11日，按期（报送截止日期2024年10月11日）")]
    [InlineData("2024-10-12", true, 1, "首次提交 2024年10月12日，逾期 1 个工作日（报送截止日期2024年10月11日）")]
    public void A_returned_close_out_keeps_the_timeliness_of_its_first_submission(
        string firstDay, bool overdue, int late, string described)
    {
        var closeOut = ReadyToSubmit();
        AssertSuccess(SubmitOn(closeOut, firstDay));
        AssertSuccess(closeOut.Return(Reviewer, At("2024-10-14"), "请补充党建情况"));

        AssertSuccess(SubmitOn(closeOut, "2024-10-25"));

        Assert.Equal(D(firstDay), closeOut.FirstSubmittedOn);
        Assert.Equal((overdue, late), (closeOut.IsOverdue, closeOut.WorkingDaysLate));
        Assert.Equal(described, closeOut.DescribeFirstSubmission());
    }

    [Theory]
    [InlineData("2024-10-18", false)]
    [InlineData("2024-10-19", true)]
    public void A_resubmission_after_the_reviewers_deadline_is_taken_and_shown(string resubmitted, bool shown)
    {
        var closeOut = ReadyToSubmit();
        AssertSuccess(SubmitOn(closeOut, "2024-10-08"));
        AssertSuccess(closeOut.Return(Reviewer, At("2024-10-14"), "请补充党建情况", resubmitBy: D("2024-10-18")));
        Assert.Equal(D("2024-10-18"), closeOut.ResubmitBy);

        AssertSuccess(SubmitOn(closeOut, resubmitted));

        Assert.Equal(shown, closeOut.ResubmittedAfterDeadline);
        Assert.False(closeOut.IsOverdue);
        Assert.Equal(shown, closeOut.DescribeFirstSubmission()!.EndsWith("；重新提交于2024年10月19日，晚于退回时要求的2024年10月18日", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2024-10-13", "Review.ResubmitByPast")]
    [InlineData("2024-10-14", null)]
    public void A_resubmission_deadline_cannot_lie_before_the_return(string resubmitBy, string? code)
    {
        var closeOut = ReadyToSubmit();
        AssertSuccess(SubmitOn(closeOut, "2024-10-08"));

        var returned = closeOut.Return(Reviewer, At("2024-10-14"), "请补充", D(resubmitBy));

        if (code is null)
        {
            AssertSuccess(returned);
        }
        else
        {
            Assert.Equal("ResubmitBy", AssertSingleError(returned, code).Field);
        }
    }

    [Fact]
    public void A_draft_cannot_be_accepted_and_a_submitted_one_cannot_be_edited()
    {
        var closeOut = ReadyToSubmit();

        AssertSingleError(closeOut.Accept(Reviewer, Now, null), "CloseOut.InvalidState");
        AssertSuccess(Submit(closeOut, "2024-09-20"));
        AssertSingleError(closeOut.UpdateReport(CompleteReport()), "CloseOut.NotEditable");
        AssertSingleError(closeOut.SetApplicantScore(S(70)), "CloseOut.NotEditable");
    }

    [Fact]
    public void The_template_has_sections_one_two_three_five_six_seven()
    {
        Assert.Equal(["一", "二", "三", "五", "六", "七"], SelfEvaluationSections.Chapters.Select(chapter => chapter.Number));
        Assert.Equal(12, SelfEvaluationSections.AllItems.Count());
        Assert.Equal(
            typeof(SelfEvaluationReport).GetProperties().Select(p => p.Name).Order(),
            SelfEvaluationSections.AllItems.Select(item => item.FieldName).Order());
    }
}
