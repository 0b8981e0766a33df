using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

/// <summary>Issue 13: a returned filing keeps its first submission's timeliness, provisional refusals say so and may
/// be waived by a reviewer, non-working start and end dates are warned about.</summary>
public class FilingTimelinessTests
{
    // Start 2024-10-08 (the day after National Day): latest filing date 2024-09-18.
    private const string Start = "2024-10-08";
    private const string End = "2024-10-10";

    private static Result SubmitOn(Filing filing, string day, PlanYear? planYear = null) =>
        filing.Submit(Organizer, At(day), D(day), planYear ?? Year2024(), WorkDays);

    private static PlanYear Year2027() => PlanYear.Create(2027, D("2027-11-15"), "SDGY{year}-{project}-{seq:3}").Value;

    private static Filing Returned(string submittedOn, string returnedOn, string? resubmitBy = null)
    {
        var filing = FilingReadyToSubmit(Start, End);
        AssertSuccess(SubmitOn(filing, submittedOn));
        AssertSuccess(filing.Return(Reviewer, At(returnedOn), "请补充实施方案", resubmitBy is null ? null : D(resubmitBy)));
        return filing;
    }

    [Fact]
    public void Submitted_on_the_last_allowed_day_is_on_time()
    {
        var filing = FilingReadyToSubmit(Start, End);

        AssertSuccess(SubmitOn(filing, "2024-09-18"));

        Assert.Equal("首次提交 2024年9月18日，按期（最晚备案日期2024年9月18日）", filing.DescribeFirstSubmission(WorkDays));
    }

    [Fact]
    public void Submitted_the_day_after_is_refused_without_a_provisional_note()
    {
        var late = AssertSingleError(SubmitOn(FilingReadyToSubmit(Start, End), "2024-09-19"), "Filing.TooLate");

        Assert.Equal("应在开班前 10 个工作日备案，最晚备案日期为2024年9月18日，已超过。", late.Message);
    }

    [Theory]
    [InlineData("2024-08-26")]
    [InlineData("2024-09-18")]
    public void Returned_then_resubmitted_after_the_original_limit_keeps_its_first_timeliness(string firstDay)
    {
        var filing = Returned(firstDay, "2024-09-18");

        AssertSuccess(SubmitOn(filing, "2024-09-19"));

        Assert.Equal(FilingStatus.Submitted, filing.Status);
        Assert.Equal(D(firstDay), filing.FirstSubmittedOn);
        Assert.StartsWith($"首次提交 {ChineseDate.Format(D(firstDay))}，按期", filing.DescribeFirstSubmission(WorkDays));
    }

    [Fact]
    public void Moving_the_start_earlier_after_a_return_is_judged_against_the_first_submission_day()
    {
        // Start 2024-09-30: latest filing date 2024-09-14 (a Saturday worked for 中秋节), before the first submission on 2024-09-18.
        var filing = Returned("2024-09-18", "2024-09-19");
        AssertSuccess(filing.UpdateDetails(DetailsWithDates(filing, "2024-09-30", "2024-10-02")));

        var late = AssertSingleError(SubmitOn(filing, "2024-09-20"), "Filing.TooLate");

        Assert.Contains("最晚备案日期为2024年9月14日", late.Message);
    }

    [Theory]
    [InlineData("2024-09-23", null)] // the reviewer's deadline itself
    [InlineData("2024-09-24", "Filing.ResubmissionOverdue")]
    public void Past_the_resubmission_deadline_a_resubmission_is_refused(string resubmittedOn, string? code)
    {
        var filing = Returned("2024-08-26", "2024-09-18", resubmitBy: "2024-09-23");

        var result = SubmitOn(filing, resubmittedOn);

        if (code is null)
        {
            AssertSuccess(result);
        }
        else
        {
            var refusal = AssertSingleError(result, code);
            Assert.Equal(
                "首次提交（2024年8月26日）按期，但退回时要求于2024年9月23日前重新提交，已超过。如确需提交，请联系省人社厅专技处审核员准予逾期提交。",
                refusal.Message);
        }
    }

    [Fact]
    public void Past_the_resubmission_deadline_but_within_the_notices_limit_the_resubmission_is_taken()
    {
        var filing = Returned("2024-08-26", "2024-08-29", resubmitBy: "2024-09-02");

        AssertSuccess(SubmitOn(filing, "2024-09-18"));
    }

    [Fact]
    public void A_reviewer_may_allow_a_resubmission_past_the_resubmission_deadline()
    {
        var filing = Returned("2024-08-26", "2024-09-18", resubmitBy: "2024-09-20");

        AssertSingleError(filing.AllowLateSubmission(Reviewer, At("2024-09-24"), D("2024-09-24"), " ", WorkDays), "Required");
        AssertSuccess(filing.AllowLateSubmission(Reviewer, At("2024-09-24"), D("2024-09-24"), "承办单位已说明延误原因", WorkDays));
        AssertSuccess(SubmitOn(filing, "2024-09-24"));

        Assert.Equal(
            "首次提交 2024年8月26日，按期（最晚备案日期2024年9月18日）；省厅审核员于2024年9月24日 09:00准予逾期提交，理由：承办单位已说明延误原因",
            filing.DescribeFirstSubmission(WorkDays));
    }

    [Fact]
    public void A_refusal_from_a_provisional_date_says_so_and_can_be_waived_for_that_start_date()
    {
        // Start 2027-01-15: ten working days back, skipping New Year's Day, is 2026-12-31.
        var filing = FilingReadyToSubmit("2027-01-15", "2027-01-17");

        var late = AssertSingleError(SubmitOn(filing, "2027-01-04", Year2027()), "Filing.TooLate");
        Assert.Equal(
            "应在开班前 10 个工作日备案，最晚备案日期为2026年12月31日（暂定：2027年节假日安排尚未公布，按周一至周五计算，元旦、劳动节、国庆节当天按放假计），已超过。如确需提交，请联系省人社厅专技处审核员准予逾期提交。",
            late.Message);

        AssertSuccess(filing.AllowLateSubmission(Reviewer, At("2027-01-04"), D("2027-01-04"), "节假日安排公布前按原计划筹备", WorkDays));
        Assert.Equal(D("2027-01-15"), filing.LateSubmissionAllowance!.StartDate);

        // Only for the start date it was given for.
        AssertSuccess(filing.UpdateDetails(DetailsWithDates(filing, "2027-01-14", "2027-01-16")));
        AssertSingleError(SubmitOn(filing, "2027-01-04", Year2027()), "Filing.TooLate");
        AssertSuccess(filing.UpdateDetails(DetailsWithDates(filing, "2027-01-15", "2027-01-17")));
        AssertSuccess(SubmitOn(filing, "2027-01-04", Year2027()));
        Assert.StartsWith("首次提交 2027年1月4日，逾期（最晚备案日期2026年12月31日（暂定：2027年", filing.DescribeFirstSubmission(WorkDays));
    }

    [Theory]
    [InlineData("2024-09-19", "Filing.LateByPublishedCalendar")] // late by a published calendar: the notice's rule stands
    [InlineData("2024-09-18", "Filing.NotLate")]
    public void Only_a_provisional_or_resubmission_refusal_can_be_waived(string today, string code) =>
        AssertSingleError(
            FilingReadyToSubmit(Start, End).AllowLateSubmission(Reviewer, At(today), D(today), "理由", WorkDays),
            code);

    [Fact]
    public void A_submitted_filing_needs_no_allowance() =>
        AssertSingleError(
            ApprovedFiling().AllowLateSubmission(Reviewer, At("2024-10-01"), D("2024-10-01"), "理由", WorkDays),
            "Filing.NotEditable");

    [Theory]
    [InlineData("2024-10-07", "2024-10-09", "开班日期2024年10月7日是国庆节假期，不是工作日，请确认办班时间。")]
    [InlineData("2024-10-11", "2024-10-13", "结束日期2024年10月13日是周日休息日，不是工作日，请确认办班时间。")]
    [InlineData("2024-10-10", "2024-10-12", null)] // 2024-10-12 is a Saturday worked for National Day
    public void A_start_or_end_on_a_day_off_is_warned_about_not_refused(string start, string end, string? warning)
    {
        var filing = FilingReadyToSubmit(start, end);

        Assert.Equal(warning is null ? [] : [warning], filing.DateWarnings(WorkDays));
        AssertSuccess(SubmitOn(filing, "2024-09-02"));
    }

    private static FilingDetails DetailsWithDates(Filing filing, string start, string end) => new(
        filing.Venue, D(start), D(end), filing.ContactPerson, filing.OfficePhone, filing.Mobile,
        filing.PlannedTraineeCount, [.. filing.ExpertSessions]);
}
