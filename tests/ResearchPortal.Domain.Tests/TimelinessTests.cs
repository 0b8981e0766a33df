using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Projects;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class TimelinessTests
{
    // Start 2024-10-14 → latest filing date 2024-09-25 (10 working days before, the National Day week skipped).
    [Theory]
    [InlineData("2024-09-25", "2024-10-20", Timeliness.OnTime)]
    [InlineData("2024-09-26", "2024-10-20", Timeliness.HandedInLate)]
    [InlineData(null, "2024-09-25", Timeliness.NotYetDue)]
    [InlineData(null, "2024-09-26", Timeliness.Overdue)]
    public void A_filing_is_on_time_up_to_its_latest_filing_date(string? submittedOn, string today, Timeliness expected) =>
        Assert.Equal(expected, FilingDeadlines.Timeliness(D("2024-10-14"), submittedOn is null ? null : D(submittedOn), D(today), WorkDays));

    // End 2024-09-13 → due 2024-10-11 (the 15th working day after).
    [Theory]
    [InlineData("2024-10-11", "2024-10-20", Timeliness.OnTime)]
    [InlineData("2024-10-12", "2024-10-20", Timeliness.HandedInLate)]
    [InlineData(null, "2024-10-11", Timeliness.NotYetDue)]
    [InlineData(null, "2024-10-12", Timeliness.Overdue)]
    public void A_close_out_is_on_time_up_to_the_fifteenth_working_day(string? submittedOn, string today, Timeliness expected) =>
        Assert.Equal(expected, CloseOutDeadlines.Timeliness(D("2024-09-13"), submittedOn is null ? null : D(submittedOn), null, D(today), WorkDays));

    // Recorded at the first submission from a provisional calendar, the due date stands even if the calendar moves it.
    [Theory]
    [InlineData("2024-10-14", Timeliness.OnTime)]
    [InlineData("2024-10-15", Timeliness.HandedInLate)]
    public void A_close_out_is_judged_against_the_due_date_recorded_at_its_first_submission(string firstSubmittedOn, Timeliness expected) =>
        Assert.Equal(expected, CloseOutDeadlines.Timeliness(D("2024-09-13"), D(firstSubmittedOn), D("2024-10-14"), D("2024-10-20"), WorkDays));

    // Issue 13: a return does not undo a first submission made on time, whether or not the filing came back since.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_filing_returned_after_an_on_time_first_submission_counts_as_on_time(bool resubmittedLate)
    {
        var filing = FilingReadyToSubmit("2024-10-14", "2024-10-16");
        AssertSuccess(filing.Submit(Organizer, At("2024-09-25"), D("2024-09-25"), Year2024(), WorkDays));
        AssertSuccess(filing.Return(Reviewer, At("2024-09-26"), "请补充实施方案"));
        if (resubmittedLate)
        {
            AssertSuccess(filing.Submit(Organizer, At("2024-09-27"), D("2024-09-27"), Year2024(), WorkDays));
        }

        Assert.Equal(Timeliness.OnTime, FilingDeadlines.Timeliness(D("2024-10-14"), filing.FirstSubmittedOn, D("2024-10-20"), WorkDays));
    }

    [Fact]
    public void Every_timeliness_has_a_chinese_label() =>
        Assert.Equal(["按时", "逾期提交", "逾期未交", "未到期"], TimelinessRule.All.Select(t => t.ToChinese()));
}
