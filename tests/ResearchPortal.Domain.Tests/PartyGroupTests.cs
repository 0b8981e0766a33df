using ResearchPortal.Domain.PartyGroups;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class PartyGroupTests
{
    private static readonly DateOnly Today = D("2024-10-15");

    [Fact]
    public void Members_of_both_bodies_are_added_and_removed()
    {
        var group = PartyGroup.Start(Guid.CreateVersion7());

        var monitor = group.AddMember(GroupBody.ClassCommittee, "张三", "班长", Guid.CreateVersion7()).Value;
        AssertSuccess(group.AddMember(GroupBody.PartyGroup, "李四", "党小组组长", null));
        Assert.Equal(2, group.Members.Count);

        AssertSuccess(group.RemoveMember(monitor.Id));
        Assert.Equal("李四", Assert.Single(group.Members).Name);
        AssertSingleError(group.RemoveMember(monitor.Id), "PartyGroup.MemberNotFound");
    }

    [Fact]
    public void The_same_trainee_cannot_join_the_same_body_twice_but_may_join_both()
    {
        var group = PartyGroup.Start(Guid.CreateVersion7());
        var trainee = Guid.CreateVersion7();
        AssertSuccess(group.AddMember(GroupBody.ClassCommittee, "张三", "班长", trainee));

        AssertSingleError(group.AddMember(GroupBody.ClassCommittee, "张三", "学习委员", trainee), "PartyGroup.DuplicateMember");
        AssertSuccess(group.AddMember(GroupBody.PartyGroup, "张三", "组长", trainee));
    }

    [Fact]
    public void A_member_needs_name_and_role() =>
        Assert.Equal(
            [nameof(PartyGroupMember.Name), nameof(PartyGroupMember.Role)],
            Fields(PartyGroup.Start(Guid.CreateVersion7()).AddMember(GroupBody.PartyGroup, "", " ", null)));

    [Theory]
    [InlineData("2024-10-15", true)]
    [InlineData("2024-10-16", false)]
    public void Activities_cannot_be_dated_in_the_future(string date, bool accepted)
    {
        var group = PartyGroup.Start(Guid.CreateVersion7());

        var result = group.AddActivity(D(date), PartyActivityKind.PoliticalStudy, "学习党的二十届三中全会精神", null, Today);

        Assert.Equal(accepted, result.IsSuccess);
        Assert.Equal(accepted ? 1 : 0, group.Activities.Count);
    }

    [Fact]
    public void An_activity_needs_a_summary() =>
        Assert.Equal(
            nameof(PartyActivity.Summary),
            AssertSingleError(PartyGroup.Start(Guid.CreateVersion7()).AddActivity(Today, PartyActivityKind.GroupDiscussion, " ", null, Today), "Required").Field);

    [Fact]
    public void Other_activities_need_their_own_name()
    {
        var group = PartyGroup.Start(Guid.CreateVersion7());

        AssertSingleError(group.AddActivity(Today, PartyActivityKind.Other, "参观红色教育基地", null, Today), "Required");
        var activity = group.AddActivity(Today, PartyActivityKind.Other, "参观红色教育基地", "现场教学", Today).Value;

        Assert.Equal("现场教学", activity.KindLabel);
        AssertSuccess(group.RemoveActivity(activity.Id));
        Assert.Empty(group.Activities);
    }

    [Fact]
    public void Labels_are_the_notice_wording()
    {
        Assert.Equal("班委", GroupBody.ClassCommittee.ToChinese());
        Assert.Equal("临时党小组", GroupBody.PartyGroup.ToChinese());
        Assert.Equal(
            ["政治学习", "班组讨论", "主题实践", "其他"],
            Enum.GetValues<PartyActivityKind>().Select(kind => kind.ToChinese()));
    }
}
