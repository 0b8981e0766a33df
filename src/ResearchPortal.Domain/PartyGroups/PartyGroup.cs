using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.PartyGroups;

/// <summary>班委 and 临时党小组 of one project: who serves, and what they organized.</summary>
public sealed class PartyGroup
{
    public const int NameMaxLength = 50;
    public const int SummaryMaxLength = 2000;

    private readonly List<PartyGroupMember> _members = [];
    private readonly List<PartyActivity> _activities = [];

    private PartyGroup()
    {
    }

    public Guid Id { get; private set; }

    public Guid PlanProjectId { get; private set; }

    public IReadOnlyList<PartyGroupMember> Members => _members;

    public IReadOnlyList<PartyActivity> Activities => _activities;

    public static PartyGroup Start(Guid planProjectId) => new() { Id = Guid.CreateVersion7(), PlanProjectId = planProjectId };

    public Result<PartyGroupMember> AddMember(GroupBody body, string name, string role, Guid? rosterEntryId)
    {
        var errors = new ErrorCollector()
            .When(!Enum.IsDefined(body), "Required", "请选择所属组织（班委或临时党小组）。", nameof(PartyGroupMember.Body))
            .RequiredWithin(name, NameMaxLength, nameof(PartyGroupMember.Name), "姓名")
            .RequiredWithin(role, NameMaxLength, nameof(PartyGroupMember.Role), "职务")
            .When(
                rosterEntryId is { } id && _members.Any(member => member.Body == body && member.RosterEntryId == id),
                "PartyGroup.DuplicateMember",
                $"该学员已是{body.ToChinese()}成员。",
                nameof(PartyGroupMember.RosterEntryId));
        var result = errors.ToResult(() => new PartyGroupMember(body, name.Trim(), role.Trim(), rosterEntryId));
        return result.Then(_members.Add);
    }

    public Result RemoveMember(Guid memberId) =>
        _members.RemoveAll(member => member.Id == memberId) > 0
            ? Result.Success()
            : Result.Failure(new Error("PartyGroup.MemberNotFound", "未找到该成员。", nameof(Members)));

    /// <param name="otherKindName">The activity's own name; required when <paramref name="kind"/> is Other.</param>
    public Result<PartyActivity> AddActivity(DateOnly date, PartyActivityKind kind, string summary, string? otherKindName, DateOnly today)
    {
        var errors = new ErrorCollector()
            .When(!Enum.IsDefined(kind), "Required", "请选择活动类型。", nameof(PartyActivity.Kind))
            .When(date > today, "PartyGroup.ActivityInFuture", "活动日期不能晚于今天，请在活动开展后再登记。", nameof(PartyActivity.Date))
            .RequiredWithin(summary, SummaryMaxLength, nameof(PartyActivity.Summary), "活动概要")
            .MaxLength(otherKindName, NameMaxLength, nameof(PartyActivity.OtherKindName), "活动类型名称");
        if (kind == PartyActivityKind.Other)
        {
            errors.Required(otherKindName, nameof(PartyActivity.OtherKindName), "活动类型名称");
        }

        var result = errors.ToResult(() => new PartyActivity(
            date, kind, summary.Trim(), kind == PartyActivityKind.Other ? Text.Optional(otherKindName) : null));
        return result.Then(_activities.Add);
    }

    public Result RemoveActivity(Guid activityId) =>
        _activities.RemoveAll(activity => activity.Id == activityId) > 0
            ? Result.Success()
            : Result.Failure(new Error("PartyGroup.ActivityNotFound", "未找到该活动记录。", nameof(Activities)));
}

public sealed class PartyGroupMember
{
    private PartyGroupMember()
    {
        Name = string.Empty;
        Role = string.Empty;
    }

    internal PartyGroupMember(GroupBody body, string name, string role, Guid? rosterEntryId)
    {
        Id = Guid.CreateVersion7();
        Body = body;
        Name = name;
        Role = role;
        RosterEntryId = rosterEntryId;
    }

    public Guid Id { get; private set; }

    public GroupBody Body { get; private set; }

    public string Name { get; private set; }

    /// <summary>e.g. 班长, 学习委员, 党小组组长.</summary>
    public string Role { get; private set; }

    /// <summary>The trainee's roster entry, when the member is a trainee.</summary>
    public Guid? RosterEntryId { get; private set; }
}

public sealed class PartyActivity
{
    private PartyActivity()
    {
        Summary = string.Empty;
    }

    internal PartyActivity(DateOnly date, PartyActivityKind kind, string summary, string? otherKindName)
    {
        Id = Guid.CreateVersion7();
        Date = date;
        Kind = kind;
        Summary = summary;
        OtherKindName = otherKindName;
    }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    public PartyActivityKind Kind { get; private set; }

    public string Summary { get; private set; }

    public string? OtherKindName { get; private set; }

    public string KindLabel => Kind == PartyActivityKind.Other && OtherKindName is not null ? OtherKindName : Kind.ToChinese();
}
