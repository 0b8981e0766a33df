using ResearchPortal.Domain.Filings;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class FilingTests
{
    [Fact]
    public void A_complete_filing_submits_and_records_the_transition()
    {
        var filing = FilingReadyToSubmit();

        AssertSuccess(SubmitFiling(filing));

        Assert.Equal(FilingStatus.Submitted, filing.Status);
        Assert.Equal(Now, filing.SubmittedAt);
        var transition = Assert.Single(filing.Transitions);
        Assert.Equal(new FilingTransition(FilingStatus.Draft, FilingStatus.Submitted, Organizer.UserId, Organizer.DisplayName, Now, null), transition);
    }

    [Fact]
    public void Checking_a_submission_reports_the_same_failures_and_changes_nothing()
    {
        var ready = FilingReadyToSubmit();
        var tooFew = FilingReadyToSubmit(trainees: 29);

        AssertSuccess(ready.CheckSubmission(D("2024-09-01"), Year2024(), WorkDays));
        var check = tooFew.CheckSubmission(D("2024-09-01"), Year2024(), WorkDays);

        AssertSingleError(check, "Filing.TooFewTrainees");
        Assert.Equal((FilingStatus.Draft, FilingStatus.Draft), (ready.Status, tooFew.Status));
        Assert.Empty(ready.Transitions);
    }

    [Theory]
    [InlineData("2024-10-15", false)] // 2 days
    [InlineData("2024-10-16", true)] // 3 days
    [InlineData("2024-10-18", true)] // 5 days
    [InlineData("2024-10-19", false)] // 6 days
    public void Duration_must_be_three_to_five_calendar_days(string end, bool accepted)
    {
        var result = SubmitFiling(FilingReadyToSubmit(end: end));

        Assert.Equal(accepted, result.IsSuccess);
        if (!accepted)
        {
            Assert.Equal(nameof(Filing.EndDate), AssertSingleError(result, "Filing.DurationOutOfRange").Field);
        }
    }

    [Theory]
    [InlineData(23.5, false)]
    [InlineData(24, true)]
    public void Total_hours_must_be_at_least_24(decimal totalHours, bool accepted)
    {
        var filing = FilingReadyToSubmit(sessionHours: [8m, 8m, totalHours - 16m]);

        var result = SubmitFiling(filing);

        Assert.Equal(totalHours, filing.TotalHours);
        Assert.Equal(accepted, result.IsSuccess);
        if (!accepted)
        {
            Assert.Equal(nameof(Filing.TotalHours), AssertSingleError(result, "Filing.TooFewHours").Field);
        }
    }

    [Fact]
    public void A_session_without_hours_is_refused_even_when_the_total_is_enough()
    {
        var result = SubmitFiling(FilingReadyToSubmit(sessionHours: [12m, 12m, 0m]));

        Assert.Equal(nameof(Filing.ExpertSessions), AssertSingleError(result, "Filing.SessionWithoutHours").Field);
    }

    [Fact]
    public void Negative_session_hours_are_refused_when_saving()
    {
        var filing = Filing.Start(Guid.CreateVersion7());

        var result = filing.UpdateDetails(new FilingDetails(null, null, null, null, null, null, null, [new ExpertSession("专家", "", "题目", -1m)]));

        AssertSingleError(result, "Filing.SessionHoursNegative");
        Assert.Empty(filing.ExpertSessions);
    }

    [Theory]
    [InlineData(Filing.ContactMaxLength, true)]
    [InlineData(Filing.ContactMaxLength + 1, false)]
    public void Contact_position_is_optional_and_at_most_50_characters(int length, bool accepted)
    {
        var filing = Filing.Start(Guid.CreateVersion7());

        var result = filing.UpdateDetails(new FilingDetails(null, null, null, "王老师", null, null, null, []) { ContactPosition = new string('长', length) });

        Assert.Equal(accepted, result.IsSuccess);
        Assert.Equal(accepted ? length : null, filing.ContactPosition?.Length);
        if (!accepted)
        {
            Assert.Equal(nameof(Filing.ContactPosition), Assert.Single(result.Errors).Field);
        }
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void Planned_trainees_must_be_at_least_30(int trainees, bool accepted)
    {
        var result = SubmitFiling(FilingReadyToSubmit(trainees: trainees));

        Assert.Equal(accepted, result.IsSuccess);
        if (!accepted)
        {
            Assert.Equal(nameof(Filing.PlannedTraineeCount), AssertSingleError(result, "Filing.TooFewTrainees").Field);
        }
    }

    [Theory]
    // start 2024-10-14: counting back over 10/12 (调休 Saturday), 国庆 10/1–10/7 and 9/29 (调休 Sunday).
    [InlineData("2024-10-14", "2024-10-16", "2024-09-25", "2024-09-26")]
    // start 2025-10-20: counting back over 10/11 (调休 Saturday) and 国庆节、中秋节 10/1–10/8.
    [InlineData("2025-10-20", "2025-10-22", "2025-09-29", "2025-09-30")]
    // start 2026-03-09: counting back over 2/28 (春节调休 Saturday).
    [InlineData("2026-03-09", "2026-03-11", "2026-02-24", "2026-02-25")]
    public void Filing_is_accepted_on_the_latest_filing_date_and_refused_the_working_day_after(
        string start, string end, string latest, string dayAfter)
    {
        Assert.Equal(D(latest), FilingDeadlines.LatestFilingDate(D(start), WorkDays).Date);

        var onTime = FilingReadyToSubmit(start, end).Submit(Organizer, Now, D(latest), PlanYearCovering(D(end)), WorkDays);
        var late = FilingReadyToSubmit(start, end).Submit(Organizer, Now, D(dayAfter), PlanYearCovering(D(end)), WorkDays);

        AssertSuccess(onTime);
        Assert.Equal(nameof(Filing.StartDate), AssertSingleError(late, "Filing.TooLate").Field);
    }

    [Fact]
    public void End_date_after_the_completion_deadline_is_refused()
    {
        AssertSuccess(SubmitFiling(FilingReadyToSubmit("2024-11-13", "2024-11-15")));

        var result = SubmitFiling(FilingReadyToSubmit("2024-11-14", "2024-11-16"));

        Assert.Equal(nameof(Filing.EndDate), AssertSingleError(result, "Filing.AfterCompletionDeadline").Field);
    }

    [Fact]
    public void An_empty_filing_reports_every_failure_together()
    {
        var filing = Filing.Start(Guid.CreateVersion7());

        var result = SubmitFiling(filing);

        Assert.Equal(
            [
                nameof(Filing.Venue), nameof(Filing.ContactPerson), nameof(Filing.OfficePhone), nameof(Filing.Mobile),
                nameof(Filing.StartDate), nameof(Filing.TotalHours), nameof(Filing.PlannedTraineeCount),
                nameof(Filing.ImplementationPlan), nameof(Filing.Notice), nameof(Filing.AttestedOfflineAndFree),
            ],
            Fields(result));
        Assert.All(result.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Message)));
        Assert.Equal(FilingStatus.Draft, filing.Status);
    }

    [Fact]
    public void Several_rule_failures_are_reported_together()
    {
        var filing = FilingReadyToSubmit("2024-11-14", "2024-11-19", trainees: 29, sessionHours: [10m, 10m, 0m]);
        AssertSuccess(filing.SetAttestation(false));

        var result = SubmitFiling(filing, today: "2024-11-05");

        Assert.Equal(
            ["Filing.DurationOutOfRange", "Filing.TooLate", "Filing.AfterCompletionDeadline", "Filing.TooFewHours",
             "Filing.SessionWithoutHours", "Filing.TooFewTrainees", "Filing.AttestationMissing"],
            Codes(result));
    }

    [Fact]
    public void Only_one_of_the_two_dates_is_refused_when_saving()
    {
        var filing = Filing.Start(Guid.CreateVersion7());

        var result = filing.UpdateDetails(new FilingDetails(null, D("2024-10-14"), null, null, null, null, null, []));

        Assert.Equal(nameof(Filing.EndDate), AssertSingleError(result, "Filing.DatesIncomplete").Field);
    }

    [Fact]
    public void Approve_from_submitted_records_comment_and_time()
    {
        var filing = FilingReadyToSubmit();
        AssertSuccess(SubmitFiling(filing));

        AssertSuccess(filing.Approve(Reviewer, Now.AddDays(1), "同意备案"));

        Assert.Equal(FilingStatus.Approved, filing.Status);
        Assert.Equal(Now.AddDays(1), filing.ApprovedAt);
        Assert.Equal("同意备案", filing.LastReviewComment);
        Assert.Equal(Reviewer.UserId, filing.Transitions[^1].ActorUserId);
    }

    [Fact]
    public void Return_then_resubmit_then_approve()
    {
        var filing = FilingReadyToSubmit();
        AssertSuccess(SubmitFiling(filing));

        AssertSuccess(filing.Return(Reviewer, Now, "请补充专家职称"));
        Assert.Equal(FilingStatus.Returned, filing.Status);
        Assert.Equal("请补充专家职称", filing.LastReviewComment);
        AssertSuccess(filing.SetAttestation(true));
        AssertSuccess(SubmitFiling(filing));
        AssertSuccess(filing.Approve(Reviewer, Now, null));

        Assert.Equal(1, filing.TimesReturned);
        Assert.Equal(
            [(FilingStatus.Draft, FilingStatus.Submitted), (FilingStatus.Submitted, FilingStatus.Returned),
             (FilingStatus.Returned, FilingStatus.Submitted), (FilingStatus.Submitted, FilingStatus.Approved)],
            filing.Transitions.Select(t => (t.From, t.To)));
    }

    [Fact]
    public void Return_requires_a_comment()
    {
        var filing = FilingReadyToSubmit();
        AssertSuccess(SubmitFiling(filing));

        var result = filing.Return(Reviewer, Now, "  ");

        Assert.Equal(nameof(Filing.LastReviewComment), AssertSingleError(result, "Required").Field);
        Assert.Equal(FilingStatus.Submitted, filing.Status);
    }

    [Fact]
    public void A_draft_cannot_be_approved_or_returned()
    {
        var filing = FilingReadyToSubmit();

        AssertSingleError(filing.Approve(Reviewer, Now, null), "Filing.InvalidState");
        AssertSingleError(filing.Return(Reviewer, Now, "退回"), "Filing.InvalidState");
        Assert.Empty(filing.Transitions);
    }

    [Fact]
    public void An_approved_filing_cannot_be_submitted_edited_or_reviewed_again()
    {
        var filing = ApprovedFiling();

        AssertSingleError(SubmitFiling(filing), "Filing.InvalidState");
        AssertSingleError(filing.SetAttestation(false), "Filing.NotEditable");
        AssertSingleError(filing.AttachNotice(new AttachmentInfo(Guid.CreateVersion7(), "a.pdf", "application/pdf", 1)), "Filing.NotEditable");
        AssertSingleError(filing.Approve(Reviewer, Now, null), "Filing.InvalidState");
        Assert.True(filing.AttestedOfflineAndFree);
    }

    [Fact]
    public void A_submitted_filing_cannot_be_edited()
    {
        var filing = FilingReadyToSubmit();
        AssertSuccess(SubmitFiling(filing));

        var result = filing.UpdateDetails(new FilingDetails("新地点", null, null, null, null, null, null, []));

        AssertSingleError(result, "Filing.NotEditable");
        Assert.Equal("济南市历下区解放东路16号", filing.Venue);
    }

    [Fact]
    public void Total_hours_is_the_sum_of_the_sessions() =>
        Assert.Equal(25.5m, FilingReadyToSubmit(sessionHours: [8m, 8.5m, 9m]).TotalHours);

    [Fact]
    public void Total_hours_follows_the_sessions_when_they_are_edited()
    {
        var filing = FilingReadyToSubmit(sessionHours: [8m, 8.5m, 9m]);

        AssertSuccess(filing.UpdateDetails(new FilingDetails(null, null, null, null, null, null, null, [new ExpertSession("专家", "", "题目", 6m)])));

        Assert.Equal(6m, filing.TotalHours);
    }

    [Fact]
    public void Each_return_is_counted_and_nothing_else_is()
    {
        var filing = FilingReadyToSubmit();
        AssertSuccess(SubmitFiling(filing));
        Assert.Equal(0, filing.TimesReturned);

        AssertSuccess(filing.Return(Reviewer, Now, "请补充专家职称"));
        AssertSuccess(SubmitFiling(filing));
        AssertSuccess(filing.Return(Reviewer, Now, "请补充举办通知"));

        Assert.Equal(2, filing.TimesReturned);
        AssertSingleError(filing.Return(Reviewer, Now, "再次退回"), "Filing.InvalidState");
        Assert.Equal(2, filing.TimesReturned);
    }

    private static Plans.PlanYear PlanYearCovering(DateOnly end) =>
        Plans.PlanYear.Create(end.Year, new DateOnly(end.Year, 12, 31), "{year}-{project}-{seq:4}").Value;
}
