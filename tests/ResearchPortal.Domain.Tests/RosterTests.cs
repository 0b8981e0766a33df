using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Roster;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class RosterTests
{
    private static readonly Guid ProjectId = Guid.CreateVersion7();

    /// <summary>Approved, seminar 2024-10-14 to 2024-10-16, 24 hours.</summary>
    private static readonly Filing Filing = ApprovedFiling();

    private static readonly DateOnly FirstDay = D("2024-10-14");

    private static readonly DateOnly DayAfter = D("2024-10-17");

    private static Result<IReadOnlyList<RosterEntry>> Assign(IReadOnlyList<RosterEntry> roster, string projectNumber, int start, params string[] numbersInUse) =>
        CertificateIssuer.Assign(roster, Filing, DayAfter, Year2024(), projectNumber, start, numbersInUse.ToHashSet());

    private static RosterEntry Entry(int sequence, bool passed = true)
    {
        var entry = RosterEntry.Create(
            ProjectId, sequence, $"学员{sequence}", Gender.Female,
            IdNumbers.Parse(IdNumbers.Make(gender: Gender.Female, sequence: sequence)), "某单位", "工程师", "13800000000").Value;
        AssertSuccess(entry.RecordResult(24m, passed, Filing, FirstDay));
        return entry;
    }

    [Fact]
    public void Only_an_accepted_receipt_becomes_a_roster_entry()
    {
        var receipt = EnrollmentTests.SubmittedReceipt();
        AssertSingleError(RosterEntry.FromReceipt(receipt, 1), "Roster.ReceiptNotAccepted");
        AssertSuccess(receipt.Accept(Organizer, Now));

        var entry = RosterEntry.FromReceipt(receipt, 1).Value;

        Assert.Equal(receipt.Id, entry.ReceiptId);
        Assert.Equal("trainee-1", entry.TraineeUserId);
        Assert.Equal(receipt.IdNumber, entry.IdNumber);
        Assert.Equal(receipt.Form.Mobile, entry.Phone);
        Assert.Equal(receipt.PlanProjectId, entry.PlanProjectId);
    }

    [Theory]
    [InlineData(RosterEntry.TextMaxLength, true)]
    [InlineData(RosterEntry.TextMaxLength + 1, false)]
    public void A_name_with_extension_characters_is_measured_in_characters(int characters, bool valid)
    {
        // 𠮷 (Extension B) is a UTF-16 pair, 䶮 (Extension A) a single unit: each is one character.
        var name = string.Concat(Enumerable.Range(0, characters).Select(i => i % 2 == 0 ? "𠮷" : "䶮"));

        var result = RosterEntry.Create(ProjectId, 1, name, Gender.Female, IdNumbers.Parse(IdNumbers.Make(gender: Gender.Female)), "单位", null, null);

        Assert.Equal(valid, result.IsSuccess);
        if (!valid)
        {
            Assert.Equal(nameof(RosterEntry.Name), AssertSingleError(result, "TooLong").Field);
        }
    }

    [Fact]
    public void Create_checks_gender_against_the_id_number()
    {
        var result = RosterEntry.Create(ProjectId, 1, "李四", Gender.Male, IdNumbers.Parse(IdNumbers.Make(gender: Gender.Female)), "单位", null, null);

        Assert.Equal(nameof(RosterEntry.Gender), AssertSingleError(result, "IdNumber.GenderMismatch").Field);
    }

    [Theory]
    [InlineData(-0.5, false)]
    [InlineData(0, true)]
    [InlineData(24, true)]
    [InlineData(24.5, false)]
    public void Completed_hours_lie_between_zero_and_the_filing_total(decimal hours, bool accepted)
    {
        var entry = Entry(1, passed: false);

        var result = entry.RecordResult(hours, passed: true, Filing, FirstDay);

        Assert.Equal(accepted, result.IsSuccess);
        Assert.Equal(accepted ? hours : 24m, entry.CompletedHours);
    }

    [Fact]
    public void A_certified_trainee_cannot_be_marked_failed()
    {
        var entry = Entry(1);
        AssertSuccess(Assign([entry], "001", 1));

        AssertSingleError(entry.RecordResult(24m, passed: false, Filing, DayAfter), "Roster.CertificateIssued");
        Assert.True(entry.Passed);
    }

    [Fact]
    public void Certificates_are_numbered_in_roster_order_and_failed_trainees_get_none()
    {
        var third = Entry(3);
        var first = Entry(1);
        var failed = Entry(2, passed: false);

        var result = Assign([third, failed, first], "2024-037", 5);

        Assert.Equal([first, third], result.Value);
        Assert.Equal("SDGY2024-037-005", first.CertificateNumber);
        Assert.Equal("SDGY2024-037-006", third.CertificateNumber);
        Assert.Null(failed.CertificateNumber);
    }

    [Fact]
    public void Entries_that_already_have_a_number_keep_it()
    {
        var first = Entry(1);
        AssertSuccess(Assign([first], "001", 1));
        var second = Entry(2);

        var result = Assign([first, second], "001", 2, "SDGY2024-001-001");

        Assert.Equal([second], result.Value);
        Assert.Equal("SDGY2024-001-001", first.CertificateNumber);
        Assert.Equal("SDGY2024-001-002", second.CertificateNumber);
    }

    [Fact]
    public void A_collision_is_refused_and_no_entry_changes()
    {
        var first = Entry(1);
        var second = Entry(2);

        var result = Assign([first, second], "001", 1, "SDGY2024-001-002");

        Assert.Contains("SDGY2024-001-002", AssertSingleError(result, "Certificates.NumberInUse").Message);
        Assert.Null(first.CertificateNumber);
        Assert.Null(second.CertificateNumber);
    }

    [Fact]
    public void A_collision_with_a_number_already_on_this_roster_is_refused()
    {
        var first = Entry(1);
        AssertSuccess(Assign([first], "001", 1));
        var second = Entry(2);

        AssertSingleError(Assign([first, second], "001", 1), "Certificates.NumberInUse");
        Assert.Null(second.CertificateNumber);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_start_number_must_be_positive(int start) =>
        AssertSingleError(Assign([Entry(1)], "001", start), "Certificates.StartNumberInvalid");

    [Fact]
    public void The_sequence_must_be_positive() =>
        AssertSingleError(
            RosterEntry.Create(ProjectId, 0, "王五", Gender.Male, IdNumbers.Parse(IdNumbers.Make()), "单位", null, null),
            "Roster.SequenceInvalid");

    [Fact]
    public void Imported_entries_have_no_receipt() => Assert.Null(Entry(1).ReceiptId);

    [Fact]
    public void The_id_number_is_kept_whole_for_certificates() =>
        Assert.Equal(18, Entry(1).IdNumber.Value.Length);

    [Fact]
    public void A_declined_receipt_is_refused()
    {
        var receipt = EnrollmentTests.SubmittedReceipt();
        AssertSuccess(receipt.Decline(Organizer, Now, "不符合条件"));

        Assert.Contains(ReceiptStatus.Declined.ToChinese(), AssertSingleError(RosterEntry.FromReceipt(receipt, 1), "Roster.ReceiptNotAccepted").Message);
    }

    [Fact]
    public void A_paper_certificate_is_recorded_for_a_trainee_who_passed()
    {
        var entry = Entry(1);

        AssertSuccess(entry.RecordIssuedCertificate(" sd2023-001　", Filing, DayAfter));

        Assert.Equal("SD2023-001", entry.CertificateNumber);
    }

    [Fact]
    public void A_paper_certificate_is_refused_without_a_pass_and_never_replaces_one()
    {
        var failed = Entry(1, passed: false);
        AssertSingleError(failed.RecordIssuedCertificate("SD2023-001", Filing, DayAfter), "Roster.CertificateWithoutPass");
        Assert.Null(failed.CertificateNumber);

        var issued = Entry(2);
        AssertSuccess(issued.RecordIssuedCertificate("SD2023-002", Filing, DayAfter));
        AssertSingleError(issued.RecordIssuedCertificate("SD2023-003", Filing, DayAfter), "Roster.CertificateAlreadyIssued");
        Assert.Equal("SD2023-002", issued.CertificateNumber);
    }

    [Fact]
    public void A_paper_certificate_number_is_stored_in_normal_form()
    {
        var entry = Entry(1);

        AssertSuccess(entry.RecordIssuedCertificate(" ｓｄ２０２３-001　", Filing, DayAfter));

        Assert.Equal("SD2023-001", entry.CertificateNumber);
    }

    public static TheoryData<string, bool> CertificateDays => new()
    {
        { "2024-10-16", false }, // the seminar's last day
        { "2024-10-17", true },  // the day after
    };

    [Theory]
    [MemberData(nameof(CertificateDays))]
    public void Certificates_are_issued_from_the_day_after_the_seminar_ends(string today, bool allowed)
    {
        var entry = Entry(1);

        var result = CertificateIssuer.Assign([entry], Filing, D(today), Year2024(), "001", 1, new HashSet<string>());

        Assert.Equal(allowed, result.IsSuccess);
        Assert.Equal(allowed, entry.CertificateNumber is not null);
        if (!allowed)
        {
            Assert.Contains("2024年10月17日", AssertSingleError(result, "Certificates.NotYetOpen").Message);
        }
    }

    [Theory]
    [MemberData(nameof(CertificateDays))]
    public void Paper_certificates_are_recorded_from_the_day_after_the_seminar_ends(string today, bool allowed)
    {
        var entry = Entry(1);

        var result = entry.RecordIssuedCertificate("SD2023-001", Filing, D(today));

        Assert.Equal(allowed, result.IsSuccess);
        Assert.Equal(allowed ? "SD2023-001" : null, entry.CertificateNumber);
    }

    [Theory]
    [InlineData("2024-10-13", false)] // the day before the seminar
    [InlineData("2024-10-14", true)]  // its first day
    public void Results_are_recorded_from_the_first_day_of_the_seminar(string today, bool allowed)
    {
        var entry = RosterEntry.Create(ProjectId, 1, "学员", Gender.Female, IdNumbers.Parse(IdNumbers.Make(gender: Gender.Female)), "某单位", null, null).Value;

        var result = entry.RecordResult(24m, passed: true, Filing, D(today));

        Assert.Equal(allowed, result.IsSuccess);
        Assert.Equal(allowed, entry.Passed);
        if (!allowed)
        {
            Assert.Contains("2024年10月14日", AssertSingleError(result, "Roster.ResultsNotYetOpen").Message);
        }
    }

    public static TheoryData<string> UnapprovedFilings => new() { "draft", "submitted", "returned" };

    [Theory]
    [MemberData(nameof(UnapprovedFilings))]
    public void Nothing_is_recorded_or_issued_before_the_filing_is_approved(string state)
    {
        var filing = FilingReadyToSubmit();
        if (state != "draft")
        {
            AssertSuccess(SubmitFiling(filing));
        }

        if (state == "returned")
        {
            AssertSuccess(filing.Return(Reviewer, Now, "请补充材料。"));
        }

        var entry = Entry(1);
        var lateEnough = D("2024-12-01");

        Assert.Contains("备案审核通过后才能登记学时", AssertSingleError(entry.RecordResult(20m, passed: true, filing, lateEnough), "Roster.FilingNotApproved").Message);
        AssertSingleError(CertificateIssuer.Assign([entry], filing, lateEnough, Year2024(), "001", 1, new HashSet<string>()), "Roster.FilingNotApproved");
        AssertSingleError(entry.RecordIssuedCertificate("SD2023-001", filing, lateEnough), "Roster.FilingNotApproved");
        Assert.Equal(24m, entry.CompletedHours);
        Assert.Null(entry.CertificateNumber);
    }

    [Fact]
    public void A_revoked_number_is_kept_on_record_and_the_trainee_may_get_a_new_one()
    {
        var entry = Entry(1);
        AssertSuccess(Assign([entry], "001", 1));

        AssertSuccess(entry.RevokeCertificate(" 证书信息有误 ", Reviewer, Now));

        Assert.Null(entry.CertificateNumber);
        var revoked = Assert.Single(entry.RevokedCertificates);
        Assert.Equal(new RevokedCertificate("SDGY2024-001-001", Now, "证书信息有误", Reviewer.UserId, Reviewer.DisplayName), revoked);
        Assert.True(entry.Passed);
        AssertSuccess(entry.RecordResult(10m, passed: false, Filing, DayAfter)); // no certificate any more: may be failed
    }

    [Fact]
    public void A_revoked_number_is_never_issued_again()
    {
        var entry = Entry(1);
        AssertSuccess(Assign([entry], "001", 1));
        AssertSuccess(entry.RevokeCertificate("重复发放", Organizer, Now));

        AssertSingleError(Assign([entry], "001", 1), "Certificates.NumberInUse");
        Assert.Equal([entry], Assign([entry], "001", 2).Value);
        Assert.Equal("SDGY2024-001-002", entry.CertificateNumber);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Revoking_needs_a_reason(string? reason)
    {
        var entry = Entry(1);
        AssertSuccess(Assign([entry], "001", 1));

        Assert.Equal("请填写撤销原因。", AssertSingleError(entry.RevokeCertificate(reason, Organizer, Now), "Required").Message);
        Assert.Equal("SDGY2024-001-001", entry.CertificateNumber);
    }

    [Fact]
    public void Only_an_issued_number_can_be_revoked() =>
        AssertSingleError(Entry(1).RevokeCertificate("无", Organizer, Now), "Roster.NoCertificate");

    [Fact]
    public void Generated_numbers_are_upper_case() =>
        Assert.Equal("SDGY2024-P7-001", Assign([Entry(1)], "p7", 1).Value[0].CertificateNumber);
}
