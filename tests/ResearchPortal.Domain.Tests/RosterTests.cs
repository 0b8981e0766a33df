using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Roster;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class RosterTests
{
    private static readonly Guid ProjectId = Guid.CreateVersion7();

    private static RosterEntry Entry(int sequence, bool passed = true)
    {
        var entry = RosterEntry.Create(
            ProjectId, sequence, $"学员{sequence}", Gender.Female,
            IdNumbers.Parse(IdNumbers.Make(gender: Gender.Female, sequence: sequence)), "某单位", "工程师", "13800000000").Value;
        AssertSuccess(entry.RecordResult(24m, passed, 24m));
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

        var result = entry.RecordResult(hours, passed: true, filingTotalHours: 24m);

        Assert.Equal(accepted, result.IsSuccess);
        Assert.Equal(accepted ? hours : 24m, entry.CompletedHours);
    }

    [Fact]
    public void A_certified_trainee_cannot_be_marked_failed()
    {
        var entry = Entry(1);
        AssertSuccess(CertificateIssuer.Assign([entry], Year2024(), "001", 1, new HashSet<string>()));

        AssertSingleError(entry.RecordResult(24m, passed: false, 24m), "Roster.CertificateIssued");
        Assert.True(entry.Passed);
    }

    [Fact]
    public void Certificates_are_numbered_in_roster_order_and_failed_trainees_get_none()
    {
        var third = Entry(3);
        var first = Entry(1);
        var failed = Entry(2, passed: false);

        var result = CertificateIssuer.Assign([third, failed, first], Year2024(), "2024-037", 5, new HashSet<string>());

        Assert.Equal([first, third], result.Value);
        Assert.Equal("SDGY2024-2024-037-005", first.CertificateNumber);
        Assert.Equal("SDGY2024-2024-037-006", third.CertificateNumber);
        Assert.Null(failed.CertificateNumber);
    }

    [Fact]
    public void Entries_that_already_have_a_number_keep_it()
    {
        var first = Entry(1);
        AssertSuccess(CertificateIssuer.Assign([first], Year2024(), "001", 1, new HashSet<string>()));
        var second = Entry(2);

        var result = CertificateIssuer.Assign([first, second], Year2024(), "001", 2, new HashSet<string> { "SDGY2024-001-001" });

        Assert.Equal([second], result.Value);
        Assert.Equal("SDGY2024-001-001", first.CertificateNumber);
        Assert.Equal("SDGY2024-001-002", second.CertificateNumber);
    }

    [Fact]
    public void A_collision_is_refused_and_no_entry_changes()
    {
        var first = Entry(1);
        var second = Entry(2);

        var result = CertificateIssuer.Assign([first, second], Year2024(), "001", 1, new HashSet<string> { "SDGY2024-001-002" });

        Assert.Contains("SDGY2024-001-002", AssertSingleError(result, "Certificates.NumberInUse").Message);
        Assert.Null(first.CertificateNumber);
        Assert.Null(second.CertificateNumber);
    }

    [Fact]
    public void A_collision_with_a_number_already_on_this_roster_is_refused()
    {
        var first = Entry(1);
        AssertSuccess(CertificateIssuer.Assign([first], Year2024(), "001", 1, new HashSet<string>()));
        var second = Entry(2);

        AssertSingleError(CertificateIssuer.Assign([first, second], Year2024(), "001", 1, new HashSet<string>()), "Certificates.NumberInUse");
        Assert.Null(second.CertificateNumber);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_start_number_must_be_positive(int start) =>
        AssertSingleError(CertificateIssuer.Assign([Entry(1)], Year2024(), "001", start, new HashSet<string>()), "Certificates.StartNumberInvalid");

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

        AssertSuccess(entry.RecordIssuedCertificate(" SD2023-001 "));

        Assert.Equal("SD2023-001", entry.CertificateNumber);
    }

    [Fact]
    public void A_paper_certificate_is_refused_without_a_pass_and_never_replaces_one()
    {
        var failed = Entry(1, passed: false);
        AssertSingleError(failed.RecordIssuedCertificate("SD2023-001"), "Roster.CertificateWithoutPass");
        Assert.Null(failed.CertificateNumber);

        var issued = Entry(2);
        AssertSuccess(issued.RecordIssuedCertificate("SD2023-002"));
        AssertSingleError(issued.RecordIssuedCertificate("SD2023-003"), "Roster.CertificateAlreadyIssued");
        Assert.Equal("SD2023-002", issued.CertificateNumber);
    }
}
