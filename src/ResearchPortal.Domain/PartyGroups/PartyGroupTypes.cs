namespace ResearchPortal.Domain.PartyGroups;

/// <summary>Which body a member belongs to: the class committee or the temporary party group.</summary>
public enum GroupBody
{
    ClassCommittee,
    PartyGroup,
}

public enum PartyActivityKind
{
    PoliticalStudy,
    GroupDiscussion,
    ThemedPractice,
    Other,
}

public static class PartyGroupLabels
{
    public static string ToChinese(this GroupBody body) => body switch
    {
        GroupBody.ClassCommittee => "班委",
        GroupBody.PartyGroup => "临时党小组",
        _ => throw new ArgumentOutOfRangeException(nameof(body), body, null),
    };

    public static string ToChinese(this PartyActivityKind kind) => kind switch
    {
        PartyActivityKind.PoliticalStudy => "政治学习",
        PartyActivityKind.GroupDiscussion => "班组讨论",
        PartyActivityKind.ThemedPractice => "主题实践",
        PartyActivityKind.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
