using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;

namespace ResearchPortal.Domain.Roster;

/// <summary>One trainee of one project (Annex 4 row): attendance hours, final assessment and certificate number.</summary>
public sealed class RosterEntry
{
    public const int TextMaxLength = 200;

    public const int RevocationReasonMaxLength = 500;

    private readonly List<RevokedCertificate> _revokedCertificates = [];

    private RosterEntry()
    {
        Name = string.Empty;
        IdNumber = null!;
        WorkUnit = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PlanProjectId { get; private set; }

    /// <summary>序号 on Annex 4; certificates are numbered in this order.</summary>
    public int Sequence { get; private set; }

    public string Name { get; private set; }

    public Gender Gender { get; private set; }

    public IdNumber IdNumber { get; private set; }

    public string WorkUnit { get; private set; }

    public string? ProfessionalTitle { get; private set; }

    public string? Phone { get; private set; }

    public decimal CompletedHours { get; private set; }

    /// <summary>是否通过结业考核.</summary>
    public bool Passed { get; private set; }

    /// <summary>培训证书编号, only for trainees who passed; unique across the system (the database guards that).
    /// Stored in <see cref="CertificateNumbers.Normalize"/> form.</summary>
    public string? CertificateNumber { get; private set; }

    /// <summary>Numbers this trainee held and that were withdrawn, oldest first; none of them is issued again.</summary>
    public IReadOnlyList<RevokedCertificate> RevokedCertificates => _revokedCertificates;

    /// <summary>The accepted receipt this entry came from; null for imported rows.</summary>
    public Guid? ReceiptId { get; private set; }

    public string? TraineeUserId { get; private set; }

    public static Result<RosterEntry> FromReceipt(EnrollmentReceipt receipt, int sequence)
    {
        if (receipt.Status != ReceiptStatus.Accepted)
        {
            return Result.Failure<RosterEntry>(new Error(
                "Roster.ReceiptNotAccepted",
                $"报名回执当前状态为“{receipt.Status.ToChinese()}”，只有已录取的学员才能列入名单。",
                nameof(ReceiptId)));
        }

        var form = receipt.Form;
        return Create(receipt.PlanProjectId, sequence, form.Name, form.Gender, receipt.IdNumber, form.WorkUnit, form.ProfessionalTitle, form.Mobile)
            .Then(entry =>
            {
                entry.ReceiptId = receipt.Id;
                entry.TraineeUserId = receipt.TraineeUserId;
            });
    }

    /// <summary>A row typed in or imported by the organizer, without an enrollment receipt.</summary>
    public static Result<RosterEntry> Create(
        Guid planProjectId,
        int sequence,
        string name,
        Gender gender,
        IdNumber idNumber,
        string workUnit,
        string? professionalTitle,
        string? phone)
    {
        var errors = new ErrorCollector()
            .When(sequence < 1, "Roster.SequenceInvalid", "序号须为正整数。", nameof(Sequence))
            .RequiredWithin(name, TextMaxLength, nameof(Name), "姓名")
            .RequiredWithin(workUnit, TextMaxLength, nameof(WorkUnit), "工作单位")
            .MaxLength(professionalTitle, TextMaxLength, nameof(ProfessionalTitle), "职称")
            .MaxLength(phone, TextMaxLength, nameof(Phone), "联系电话")
            .AddRange(idNumber.MatchesGender(gender, nameof(Gender)).Errors);

        return errors.ToResult(() => new RosterEntry
        {
            Id = Guid.CreateVersion7(),
            PlanProjectId = planProjectId,
            Sequence = sequence,
            Name = name.Trim(),
            Gender = gender,
            IdNumber = idNumber,
            WorkUnit = workUnit.Trim(),
            ProfessionalTitle = Text.Optional(professionalTitle),
            Phone = Text.Optional(phone),
        });
    }

    /// <summary>Records completed hours (0 to the filing's total) and the final assessment, once
    /// <see cref="RosterRules.CheckResultsOpen"/> allows it.</summary>
    public Result RecordResult(decimal hours, bool passed, Filing filing, DateOnly today)
    {
        var open = RosterRules.CheckResultsOpen(filing, today, nameof(CompletedHours));
        if (open.IsFailure)
        {
            return open;
        }

        return new ErrorCollector()
            .When(
                hours < 0 || hours > filing.TotalHours,
                "Roster.HoursOutOfRange",
                $"完成学时应在 0 到 {filing.TotalHours:0.#} 学时之间。",
                nameof(CompletedHours))
            .When(
                !passed && CertificateNumber is not null,
                "Roster.CertificateIssued",
                $"该学员已发放结业证书（{CertificateNumber}），不能改为未通过。",
                nameof(Passed))
            .Apply(() =>
            {
                CompletedHours = hours;
                Passed = passed;
            });
    }

    /// <summary>
    /// Records a number issued before the portal (on paper, arriving with an imported roster), once
    /// <see cref="RosterRules.CheckCertificatesOpen"/> allows it. Uniqueness across the system (revoked numbers
    /// included) is the caller's check, as for <see cref="CertificateIssuer"/>.
    /// </summary>
    public Result RecordIssuedCertificate(string certificateNumber, Filing filing, DateOnly today)
    {
        var open = RosterRules.CheckCertificatesOpen(filing, today, nameof(CertificateNumber));
        return open.IsFailure
            ? open
            : new ErrorCollector()
                .When(!Passed, "Roster.CertificateWithoutPass", "未通过结业考核的学员不能有培训证书编号。", nameof(CertificateNumber))
                .When(CertificateNumber is not null, "Roster.CertificateAlreadyIssued", $"该学员已有培训证书编号（{CertificateNumber}）。", nameof(CertificateNumber))
                .When(string.IsNullOrWhiteSpace(certificateNumber), "Roster.CertificateNumberEmpty", "请填写培训证书编号。", nameof(CertificateNumber))
                .Apply(() => CertificateNumber = CertificateNumbers.Normalize(certificateNumber));
    }

    /// <summary>
    /// Withdraws the current certificate number (a host organizer's or a reviewer's decision, with a reason). The number
    /// stays on record as revoked; the trainee, still passed, may be given a new number while issuing is allowed.
    /// </summary>
    public Result RevokeCertificate(string? reason, Actor actor, DateTimeOffset now) => new ErrorCollector()
        .When(CertificateNumber is null, "Roster.NoCertificate", "该学员目前没有培训证书编号，无可撤销。", nameof(CertificateNumber))
        .RequiredWithin(reason, RevocationReasonMaxLength, nameof(RevokedCertificate.Reason), "撤销原因")
        .Apply(() =>
        {
            _revokedCertificates.Add(new RevokedCertificate(CertificateNumber!, now, reason!.Trim(), actor.UserId, actor.DisplayName));
            CertificateNumber = null;
        });

    // CertificateIssuer hands out new (normalized) numbers, after checking the whole batch.
    internal void AssignCertificateNumber(string certificateNumber) => CertificateNumber = certificateNumber;
}
