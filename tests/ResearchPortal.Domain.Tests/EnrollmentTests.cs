using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class EnrollmentTests
{
    private static readonly Guid ProjectId = Guid.CreateVersion7();
    private static readonly DateOnly Today = D("2024-10-01");
    private static readonly EnrollmentWindow OpenWindow = new(true, D("2024-10-14"));

    public static EnrollmentForm Form(Gender gender = Gender.Male) => new()
    {
        UnitName = "济南市某医院",
        Name = "张三",
        Gender = gender,
        Mobile = "13912345678",
        WorkUnit = "济南市某医院心内科",
        Ethnicity = "汉族",
        ProfessionalTitle = "副主任医师",
        Email = "zhangsan@example.com",
        Postcode = "250014",
        QQ = "12345678",
    };

    public static IdNumber MaleId => IdNumbers.Parse(IdNumbers.Make(gender: Gender.Male));

    public static EnrollmentReceipt SubmittedReceipt(string? traineeUserId = "trainee-1") =>
        Submit(traineeUserId: traineeUserId).Value;

    private static Result<EnrollmentReceipt> Submit(
        EnrollmentForm? form = null,
        IdNumber? id = null,
        IReadOnlyCollection<EnrollmentReceipt>? existing = null,
        EnrollmentWindow? window = null,
        string today = "2024-10-01",
        string? traineeUserId = "trainee-1",
        AccountIdNumber? accountIdNumber = null) =>
        EnrollmentReceipt.Submit(ProjectId, traineeUserId, accountIdNumber, form ?? Form(), id ?? MaleId, existing ?? [], window ?? OpenWindow, D(today), Now);

    [Fact]
    public void A_valid_receipt_is_submitted()
    {
        var receipt = Submit().Value;

        Assert.Equal(ReceiptStatus.Submitted, receipt.Status);
        Assert.Equal(ProjectId, receipt.PlanProjectId);
        Assert.Equal("trainee-1", receipt.TraineeUserId);
        Assert.True(receipt.IsLive);
    }

    [Fact]
    public void Required_fields_and_formats_are_reported_together()
    {
        var form = Form() with { Name = " ", UnitName = "", WorkUnit = "", Mobile = "2391234567", Postcode = "25001", Email = "not-an-email", QQ = "12" };

        var result = form.Validate();

        Assert.Equal(
            [nameof(EnrollmentForm.UnitName), nameof(EnrollmentForm.Name), nameof(EnrollmentForm.WorkUnit),
             nameof(EnrollmentForm.Mobile), nameof(EnrollmentForm.Postcode), nameof(EnrollmentForm.Email), nameof(EnrollmentForm.QQ)],
            Fields(result));
    }

    [Theory]
    [InlineData(EnrollmentForm.ShortTextMaxLength, true)]
    [InlineData(EnrollmentForm.ShortTextMaxLength + 1, false)]
    public void A_name_of_rare_characters_counts_each_as_one(int characters, bool valid)
    {
        // 𠮷 (U+20BB7, CJK Extension B) is two UTF-16 code units but one character of a name.
        var form = Form() with { Name = string.Concat(Enumerable.Repeat("𠮷", characters)) };

        var result = form.Validate();

        Assert.Equal(valid ? [] : [nameof(EnrollmentForm.Name)], Fields(result));
    }

    [Fact]
    public void Blank_optional_fields_are_stored_as_null()
    {
        var receipt = Submit(Form() with { Email = "  ", Name = " 张三 " }).Value;

        Assert.Null(receipt.Form.Email);
        Assert.Equal("张三", receipt.Form.Name);
    }

    [Fact]
    public void Gender_must_match_the_id_number() =>
        AssertSingleError(Submit(Form(Gender.Female)), "IdNumber.GenderMismatch");

    [Fact]
    public void A_second_live_receipt_for_the_same_person_is_refused()
    {
        var first = Submit().Value;

        AssertSingleError(Submit(existing: [first]), "Enrollment.Duplicate");
        AssertSuccess(first.Accept(Reviewer, Now));
        AssertSingleError(Submit(existing: [first]), "Enrollment.Duplicate");
    }

    [Fact]
    public void A_trainee_is_not_told_that_someone_elses_receipt_holds_the_number()
    {
        var byUnit = Submit(traineeUserId: null).Value;
        var byOtherAccount = Submit(traineeUserId: "trainee-2").Value;

        var afterUnit = AssertSingleError(Submit(existing: [byUnit]), EnrollmentReceipt.IdNumberUnavailableCode);
        AssertSingleError(Submit(existing: [byOtherAccount]), EnrollmentReceipt.IdNumberUnavailableCode);
        var own = AssertSingleError(Submit(traineeUserId: "trainee-2", existing: [byOtherAccount]), "Enrollment.Duplicate");
        var host = AssertSingleError(Submit(traineeUserId: null, existing: [byOtherAccount]), "Enrollment.Duplicate");

        Assert.DoesNotContain("已报名", afterUnit.Message);
        Assert.Equal("您已报名本项目，不能重复报名。", own.Message);
        Assert.Equal("该身份证号已报名本项目，不能重复报名。", host.Message);
    }

    [Fact]
    public void An_account_bound_to_a_number_enrolls_only_with_that_number()
    {
        var own = MaleId;
        var other = IdNumbers.Parse(IdNumbers.Make(gender: Gender.Male, sequence: 34));
        var bound = AccountIdNumber.Bind("trainee-1", own, Now);

        var refused = AssertSingleError(Submit(id: other, accountIdNumber: bound), "Enrollment.NotOwnIdNumber");
        // Held by someone else too: the account still only hears about its own binding.
        AssertSingleError(
            Submit(id: other, accountIdNumber: bound, existing: [Submit(id: other, traineeUserId: "trainee-2").Value]),
            "Enrollment.NotOwnIdNumber");

        AssertSuccess(Submit(id: own, accountIdNumber: bound));
        Assert.Contains(own.Masked, refused.Message);
        Assert.DoesNotContain(other.Masked, refused.Message);
    }

    [Fact]
    public void A_bound_number_is_changed_only_to_another_number_and_with_a_reason()
    {
        var bound = AccountIdNumber.Bind("trainee-1", MaleId, Now);
        var corrected = IdNumbers.Parse(IdNumbers.Make(gender: Gender.Male, sequence: 56));

        AssertSingleError(bound.Change(MaleId, "更正", Reviewer, Now), "AccountIdNumber.Unchanged");
        AssertSingleError(bound.Change(corrected, " ", Reviewer, Now), "Required");
        Assert.Equal(MaleId, bound.IdNumber);
        AssertSuccess(bound.Change(corrected, "首次报名时输错。", Reviewer, Now));
        Assert.Equal(corrected, bound.IdNumber);
        Assert.Equal(Reviewer.DisplayName, bound.ChangedBy);
    }

    [Fact]
    public void A_new_receipt_is_allowed_after_the_previous_was_withdrawn_or_declined()
    {
        var withdrawn = Submit().Value;
        AssertSuccess(withdrawn.Withdraw("trainee-1", Now));
        var declined = Submit().Value;
        AssertSuccess(declined.Decline(Organizer, Now, "名额已满"));

        AssertSuccess(Submit(existing: [withdrawn, declined]));
    }

    [Fact]
    public void Enrollment_is_closed_before_approval_and_from_the_start_date()
    {
        AssertSingleError(Submit(window: EnrollmentWindow.For(FilingReadyToSubmit())), "Enrollment.Closed");
        AssertSingleError(Submit(window: EnrollmentWindow.For(null)), "Enrollment.Closed");
        AssertSuccess(Submit(window: EnrollmentWindow.For(ApprovedFiling()), today: "2024-10-13"));
        AssertSingleError(Submit(window: EnrollmentWindow.For(ApprovedFiling()), today: "2024-10-14"), "Enrollment.Closed");
    }

    [Fact]
    public void Accept_records_who_and_when()
    {
        var receipt = SubmittedReceipt();

        AssertSuccess(receipt.Accept(Organizer, Now));

        Assert.Equal(ReceiptStatus.Accepted, receipt.Status);
        Assert.Equal(Organizer.DisplayName, receipt.DecidedBy);
        Assert.Equal(Organizer.UserId, receipt.DecidedByUserId);
        Assert.Equal(Now, receipt.DecidedAt);
    }

    [Fact]
    public void Decline_requires_a_reason()
    {
        var receipt = SubmittedReceipt();

        Assert.Equal(nameof(EnrollmentReceipt.DecisionReason), AssertSingleError(receipt.Decline(Organizer, Now, ""), "Required").Field);
        AssertSuccess(receipt.Decline(Organizer, Now, "不符合学员条件"));
        Assert.Equal(ReceiptStatus.Declined, receipt.Status);
        Assert.Equal("不符合学员条件", receipt.DecisionReason);
        Assert.False(receipt.IsLive);
    }

    [Fact]
    public void A_decision_is_final()
    {
        var receipt = SubmittedReceipt();
        AssertSuccess(receipt.Accept(Organizer, Now));

        AssertSingleError(receipt.Decline(Organizer, Now, "原因"), "Enrollment.InvalidState");
        AssertSingleError(receipt.Accept(Organizer, Now), "Enrollment.InvalidState");
        AssertSingleError(receipt.Withdraw("trainee-1", Now), "Enrollment.InvalidState");
    }

    [Fact]
    public void Only_the_owner_withdraws_and_only_before_a_decision()
    {
        var receipt = SubmittedReceipt();

        AssertSingleError(receipt.Withdraw("someone-else", Now), "Enrollment.NotOwner");
        AssertSuccess(receipt.Withdraw("trainee-1", Now));
        Assert.Equal(ReceiptStatus.Withdrawn, receipt.Status);
        Assert.Equal(Now, receipt.WithdrawnAt);
        AssertSingleError(receipt.Accept(Organizer, Now), "Enrollment.InvalidState");
    }

    [Fact]
    public void A_receipt_sent_by_a_unit_cannot_be_withdrawn_by_a_trainee()
    {
        var receipt = SubmittedReceipt(traineeUserId: null);

        AssertSingleError(receipt.Withdraw("trainee-1", Now), "Enrollment.NotOwner");
    }

    [Fact]
    public void The_window_helper_reads_the_filing()
    {
        var window = EnrollmentWindow.For(ApprovedFiling());

        Assert.Equal(new EnrollmentWindow(true, D("2024-10-14")), window);
        Assert.True(window.IsOpenOn(Today));
        Assert.Equal(FilingStatus.Draft, Filing.Start(ProjectId).Status);
    }

    [Theory]
    [InlineData(40, 39, true)]
    [InlineData(40, 40, false)]
    [InlineData(40, 41, false)]
    [InlineData(null, 0, false)]
    public void One_more_trainee_is_accepted_only_while_seats_are_left(int? planned, int accepted, bool fits)
    {
        var result = Seats.CheckOneMore(planned, accepted, "Status");

        Assert.Equal(fits, result.IsSuccess);
        if (!fits)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal((Seats.FullCode, $"名额已满：计划 {planned ?? 0} 人，已录取 {accepted} 人。", "Status"), (error.Code, error.Message, error.Field));
        }
    }
}
