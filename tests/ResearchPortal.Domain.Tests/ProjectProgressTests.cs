using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Projects;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class ProjectProgressTests
{
    private static readonly PlanProject Project =
        PlanProject.Create(2024, "037", "人工智能高级研修班", "信息技术", Guid.CreateVersion7(), Guid.CreateVersion7()).Value;

    private static ProjectProgress Evaluate(Filing? filing, CloseOut? closeOut, string today) =>
        ProjectProgress.Evaluate(Project, filing, closeOut, D(today), WorkDays);

    private static Filing DraftFiling(string start = "2024-10-14", string end = "2024-10-16")
    {
        var filing = Filing.Start(Project.Id);
        AssertSuccess(filing.UpdateDetails(new FilingDetails(null, D(start), D(end), null, null, null, null, [])));
        return filing;
    }

    private static Filing Approved(string start = "2024-10-14", string end = "2024-10-16", string filedOn = "2024-09-01")
    {
        var filing = DraftFiling(start, end);
        AssertSuccess(filing.UpdateDetails(new FilingDetails(
            "济南", D(start), D(end), "王老师", "0531-1", "13800000000", 30, [new ExpertSession("专家", "教授", "题目", 24m)])));
        AssertSuccess(filing.AttachImplementationPlan(new AttachmentInfo(Guid.CreateVersion7(), "a.pdf", "application/pdf", 1)));
        AssertSuccess(filing.AttachNotice(new AttachmentInfo(Guid.CreateVersion7(), "b.pdf", "application/pdf", 1)));
        AssertSuccess(filing.SetAttestation(true));
        AssertSuccess(filing.Submit(Organizer, Now, D(filedOn), Year2024(), WorkDays));
        AssertSuccess(filing.Approve(Reviewer, Now, null));
        return filing;
    }

    [Theory]
    [InlineData("2024-09-20")]
    [InlineData("2024-10-15")]
    [InlineData("2024-11-20")]
    public void The_projected_facts_give_the_same_progress_as_the_whole_records(string today)
    {
        var approved = Approved();
        foreach (var (filing, closeOut) in new (Filing?, CloseOut?)[] { (null, null), (DraftFiling(), null), (approved, null), (approved, CloseOut.Start(Project.Id)) })
        {
            Assert.Equal(Evaluate(filing, closeOut, today), ProjectProgress.Evaluate(ProgressFacts.Of(filing, closeOut), D(today), WorkDays));
        }
    }

    [Fact]
    public void Without_a_filing_the_project_is_planned() =>
        Assert.Equal(new ProjectProgress(ProjectStatus.Planned, null), Evaluate(null, null, "2024-09-01"));

    [Fact]
    public void A_draft_filing_shows_the_filing_deadline()
    {
        var progress = Evaluate(DraftFiling(), null, "2024-09-20");

        Assert.Equal(ProjectStatus.FilingInProgress, progress.Status);
        Assert.Equal("备案中", progress.StatusLabel);
        Assert.Equal(new NextDeadline(DeadlineKind.Filing, D("2024-09-25"), false, false, 3, 0), progress.NextDeadline);
        Assert.Equal("备案截止 2024年9月25日（还有 3 个工作日）", DeadlineText.Describe(progress.NextDeadline!));
    }

    [Fact]
    public void A_draft_without_dates_has_no_deadline_yet() =>
        Assert.Null(Evaluate(Filing.Start(Project.Id), null, "2024-09-20").NextDeadline);

    [Fact]
    public void A_missed_filing_deadline_reads_as_overdue() =>
        Assert.Equal("备案逾期 2 个工作日", DeadlineText.Describe(Evaluate(DraftFiling(), null, "2024-09-27").NextDeadline!));

    [Fact]
    public void On_the_deadline_day_it_says_today() =>
        Assert.Equal("备案截止 2024年9月25日（今天）", DeadlineText.Describe(Evaluate(DraftFiling(), null, "2024-09-25").NextDeadline!));

    [Fact]
    public void An_approved_filing_before_the_start_is_open_for_enrollment()
    {
        var progress = Evaluate(Approved(), null, "2024-10-10");

        Assert.Equal(ProjectStatus.EnrollmentOpen, progress.Status);
        Assert.Equal(DeadlineKind.Opening, progress.NextDeadline!.Kind);
        Assert.Equal(D("2024-10-14"), progress.NextDeadline.Date);
    }

    [Theory]
    [InlineData("2024-10-14", ProjectStatus.InSession)]
    [InlineData("2024-10-16", ProjectStatus.InSession)]
    [InlineData("2024-10-17", ProjectStatus.ClosingOut)]
    public void From_the_start_date_the_project_is_held_then_closing_out(string today, ProjectStatus status)
    {
        var progress = Evaluate(Approved(), null, today);

        Assert.Equal(status, progress.Status);
        Assert.Equal(DeadlineKind.CloseOut, progress.NextDeadline!.Kind);
        Assert.Equal(CloseOutDeadlines.DueDate(D("2024-10-16"), WorkDays).Date, progress.NextDeadline.Date);
    }

    [Fact]
    public void A_late_close_out_reads_as_overdue()
    {
        var progress = Evaluate(Approved("2024-09-11", "2024-09-13", filedOn: "2024-08-20"), CloseOut.Start(Project.Id), "2024-10-14");

        Assert.Equal(ProjectStatus.ClosingOut, progress.Status);
        Assert.Equal("结业材料逾期 2 个工作日", DeadlineText.Describe(progress.NextDeadline!));
    }

    [Fact]
    public void An_accepted_close_out_closes_the_project()
    {
        var closeOut = CloseOut.Start(Project.Id);
        AssertSuccess(closeOut.UpdateReport(new SelfEvaluationReport
        {
            BasicInformation = "1",
            PerformanceGoals = "2",
            OrganizationAnalysis = "3",
            ManagementAnalysis = "4",
            PartyBuildingAnalysis = "5",
            GoalCompletionAnalysis = "6",
            FollowUpPlan = "7",
            ExperienceAndSuggestions = "8",
            EvaluationWork = "9",
            MainOutcomes = "10",
        }));
        AssertSuccess(closeOut.UpdateAcceptance("王", "1", "摘要", Score.Create(80).Value));
        AssertSuccess(closeOut.SetApplicantScore(Score.Create(80).Value));
        AssertSuccess(closeOut.Submit(Organizer, Now, D("2024-10-20"), D("2024-10-16"), 30, WorkDays));
        Assert.Null(Evaluate(Approved(), closeOut, "2024-10-21").NextDeadline);

        AssertSuccess(closeOut.Accept(Reviewer, Now, null));

        Assert.Equal(new ProjectProgress(ProjectStatus.Closed, null), Evaluate(Approved(), closeOut, "2024-10-21"));
        Assert.Equal("已结项", ProjectStatus.Closed.ToChinese());
    }

    [Fact]
    public void Deadlines_in_an_unpublished_year_are_marked_provisional()
    {
        var progress = Evaluate(DraftFiling("2027-03-15", "2027-03-17"), null, "2027-02-01");

        Assert.True(progress.NextDeadline!.IsProvisional);
        Assert.EndsWith("（暂定：2027年节假日安排尚未公布，按周一至周五计算，元旦、劳动节、国庆节当天按放假计）", DeadlineText.Describe(progress.NextDeadline));
    }

    [Fact]
    public void A_filing_of_another_project_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => Evaluate(Filing.Start(Guid.CreateVersion7()), null, "2024-09-01"));

    /// <summary>A close-out due Friday 27 September 2024 (Saturday the 28th is a rest day).</summary>
    [Theory]
    [InlineData("2024-09-23", false, false)] // 4 working days left
    [InlineData("2024-09-24", true, false)] // 3 left: the reminder window opens
    [InlineData("2024-09-27", true, false)] // the day itself
    [InlineData("2024-09-28", false, true)] // the rest day after it: overdue, no longer "due soon"
    public void A_deadline_is_due_soon_within_three_working_days_until_it_passes(string today, bool dueSoon, bool overdue)
    {
        var deadline = NextDeadline.On(DeadlineKind.CloseOut, new(D("2024-09-27"), false), D(today), WorkDays);

        Assert.Equal((dueSoon, overdue), (deadline.IsDueSoon, deadline.IsOverdue));
    }
}
