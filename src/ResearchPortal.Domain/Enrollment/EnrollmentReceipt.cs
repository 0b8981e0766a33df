using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Enrollment;

public enum ReceiptStatus
{
    Submitted,
    Accepted,
    Declined,
    Withdrawn,
}

public static class ReceiptStatusExtensions
{
    public static string ToChinese(this ReceiptStatus status) => status switch
    {
        ReceiptStatus.Submitted => "待审核",
        ReceiptStatus.Accepted => "已录取",
        ReceiptStatus.Declined => "未录取",
        ReceiptStatus.Withdrawn => "已撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>报名回执: one person's application to one project, sent by the trainee or by their unit.</summary>
public sealed class EnrollmentReceipt
{
    public const int ReasonMaxLength = 500;

    private EnrollmentReceipt()
    {
        Form = null!;
        IdNumber = null!;
    }

    public Guid Id { get; private set; }

    public Guid PlanProjectId { get; private set; }

    /// <summary>The trainee's account; null when a unit submitted the receipt on the trainee's behalf.</summary>
    public string? TraineeUserId { get; private set; }

    public EnrollmentForm Form { get; private set; }

    public IdNumber IdNumber { get; private set; }

    public ReceiptStatus Status { get; private set; }

    public string? DecisionReason { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedByUserId { get; private set; }

    /// <summary>Display name of the organizer who accepted or declined.</summary>
    public string? DecidedBy { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>A live receipt blocks a second one for the same person and project (a unique index backs this).</summary>
    public bool IsLive => Status is ReceiptStatus.Submitted or ReceiptStatus.Accepted;

    /// <summary>The answer when another account's (or a unit's) live receipt holds the number: it must not tell a
    /// trainee account whether that person applied.</summary>
    public const string IdNumberUnavailableMessage = "该身份证号无法用于本账号报名，如有疑问请联系承办单位。";

    /// <summary>The answer when a decision or withdrawal lost the race to another one on the same receipt.</summary>
    public const string HandledByOthersMessage = "该回执已被他人处理，请刷新后查看。";

    public const string IdNumberUnavailableCode = "Enrollment.IdNumberUnavailable";

    /// <param name="traineeUserId">The trainee's account; null when the host enters a receipt sent by a unit.</param>
    /// <param name="accountIdNumber">The number bound to the trainee's account; null before its first receipt (and
    /// for receipts entered by the host).</param>
    /// <param name="samePersonReceiptsForProject">Receipts the caller found for this ID number (e.g. by keyed hash);
    /// checked again here so a loose query cannot let a duplicate through.</param>
    public static Result<EnrollmentReceipt> Submit(
        Guid planProjectId,
        string? traineeUserId,
        AccountIdNumber? accountIdNumber,
        EnrollmentForm form,
        IdNumber idNumber,
        IReadOnlyCollection<EnrollmentReceipt> samePersonReceiptsForProject,
        EnrollmentWindow window,
        DateOnly today,
        DateTimeOffset now)
    {
        var live = samePersonReceiptsForProject
            .Where(receipt => receipt.PlanProjectId == planProjectId && receipt.IdNumber == idNumber && receipt.IsLive)
            .ToList();
        var byTrainee = Text.Optional(traineeUserId) is not null;
        var ownNumber = accountIdNumber?.Permits(idNumber, nameof(IdNumber)) ?? Result.Success();
        var duplicate = live.Any(receipt => !byTrainee || receipt.TraineeUserId == traineeUserId);

        // A trainee account learns nothing about receipts that are not its own: not whether they exist, nor whose.
        var heldByOthers = byTrainee && ownNumber.IsSuccess && !duplicate && live.Count > 0;
        var errors = new ErrorCollector()
            .AddRange(window.CheckOpen(today).Errors)
            .AddRange(form.Validate().Errors)
            .AddRange(idNumber.MatchesGender(form.Gender).Errors)
            .AddRange(ownNumber.Errors)
            .When(ownNumber.IsSuccess && duplicate, "Enrollment.Duplicate",
                byTrainee ? "您已报名本项目，不能重复报名。" : "该身份证号已报名本项目，不能重复报名。", nameof(IdNumber))
            .When(heldByOthers, IdNumberUnavailableCode, IdNumberUnavailableMessage, nameof(IdNumber));

        return errors.ToResult(() => new EnrollmentReceipt
        {
            Id = Guid.CreateVersion7(),
            PlanProjectId = planProjectId,
            TraineeUserId = Text.Optional(traineeUserId),
            Form = form.Normalized(),
            IdNumber = idNumber,
            Status = ReceiptStatus.Submitted,
            SubmittedAt = now,
        });
    }

    public Result Accept(Actor actor, DateTimeOffset now) =>
        PendingCheck("录取").Apply(() => Decide(ReceiptStatus.Accepted, actor, now, reason: null));

    public Result Decline(Actor actor, DateTimeOffset now, string reason)
    {
        return PendingCheck("不予录取")
            .RequiredWithin(reason, ReasonMaxLength, nameof(DecisionReason), "不予录取的原因")
            .Apply(() => Decide(ReceiptStatus.Declined, actor, now, reason.Trim()));
    }

    /// <summary>Only the trainee who submitted the receipt may withdraw it, and only before the organizer decides.</summary>
    public Result Withdraw(string traineeUserId, DateTimeOffset now)
    {
        return PendingCheck("撤回")
            .When(
                TraineeUserId is null || TraineeUserId != traineeUserId,
                "Enrollment.NotOwner",
                "只能撤回本人提交的报名回执。",
                nameof(TraineeUserId))
            .Apply(() =>
            {
                Status = ReceiptStatus.Withdrawn;
                WithdrawnAt = now;
            });
    }

    private ErrorCollector PendingCheck(string action) => new ErrorCollector().When(
        Status != ReceiptStatus.Submitted,
        "Enrollment.InvalidState",
        $"报名回执当前状态为“{Status.ToChinese()}”，不能{action}。",
        nameof(Status));

    private void Decide(ReceiptStatus status, Actor actor, DateTimeOffset now, string? reason)
    {
        Status = status;
        DecisionReason = reason;
        DecidedAt = now;
        DecidedByUserId = actor.UserId;
        DecidedBy = actor.DisplayName;
    }
}
