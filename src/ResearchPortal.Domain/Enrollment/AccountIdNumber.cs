using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Enrollment;

/// <summary>
/// 本人身份证号: the ID number a trainee account enrolls with. Bound at the account's first receipt, so an account
/// enrolls only its own person; receipts for other people come through the host's 代为录入. Only a host organizer or
/// a reviewer may change it afterwards.
/// </summary>
public sealed class AccountIdNumber
{
    public const int ReasonMaxLength = 200;

    private AccountIdNumber()
    {
        UserId = null!;
        IdNumber = null!;
    }

    public string UserId { get; private set; }

    public IdNumber IdNumber { get; private set; }

    public DateTimeOffset BoundAt { get; private set; }

    public DateTimeOffset? ChangedAt { get; private set; }

    /// <summary>Display name of the host organizer or reviewer who last changed the number.</summary>
    public string? ChangedBy { get; private set; }

    public static AccountIdNumber Bind(string userId, IdNumber idNumber, DateTimeOffset now) =>
        new() { UserId = userId, IdNumber = idNumber, BoundAt = now };

    /// <summary>A receipt of this account must carry the bound number.</summary>
    public Result Permits(IdNumber idNumber, string field) => new ErrorCollector()
        .When(
            idNumber != IdNumber,
            "Enrollment.NotOwnIdNumber",
            $"本账号已绑定身份证号 {IdNumber.Masked}，只能为本人报名。为他人报名请由其所在单位联系承办单位代为录入；绑定的号码有误请联系承办单位或省级管理员更正。",
            field)
        .ToResult();

    public Result Change(IdNumber idNumber, string reason, Actor actor, DateTimeOffset now) => new ErrorCollector()
        .When(idNumber == IdNumber, "AccountIdNumber.Unchanged", "新身份证号与当前绑定的号码相同。", nameof(IdNumber))
        .RequiredWithin(reason, ReasonMaxLength, "Reason", "更正原因")
        .Apply(() =>
        {
            IdNumber = idNumber;
            ChangedAt = now;
            ChangedBy = actor.DisplayName;
        });
}
