using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.PartyGroups;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.PartyGroups;

[Collection(PortalCollections.Seminars)]
public sealed class PartyGroupPageTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task The_first_member_starts_the_group_and_an_activity_is_recorded()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        using var client = await graph.HostOrganizerAsync(app);
        var page = $"/PartyGroups?{graph.Query}";

        var member = await client.PostFormAsync($"{page}&handler=AddMember", new()
        {
            ["Member.Body"] = nameof(GroupBody.PartyGroup),
            ["Member.Name"] = graph.Entries[0].Name,
            ["Member.Role"] = "组长",
            ["Member.RosterEntryId"] = graph.Entries[0].Id.ToString(),
        }, formPage: page);
        var activity = await client.PostFormAsync($"{page}&handler=AddActivity", new()
        {
            ["Activity.Date"] = TestData.Today.ToString("yyyy-MM-dd"),
            ["Activity.Kind"] = nameof(PartyActivityKind.PoliticalStudy),
            ["Activity.Summary"] = "集中学习党的二十届三中全会精神。",
        }, formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, activity.StatusCode);
        await using var db = app.NewContext();
        var group = await db.PartyGroups.SingleAsync(g => g.PlanProjectId == graph.Project.Id);
        Assert.Equal(graph.Entries[0].Id, Assert.Single(group.Members).RosterEntryId);
        Assert.Equal(PartyActivityKind.PoliticalStudy, Assert.Single(group.Activities).Kind);
    }

    [Fact]
    public async Task An_other_activity_without_its_name_is_refused_and_the_summary_kept()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        using var client = await graph.HostOrganizerAsync(app);
        var page = $"/PartyGroups?{graph.Query}";

        var response = await client.PostFormAsync($"{page}&handler=AddActivity", new()
        {
            ["Activity.Date"] = TestData.Today.ToString("yyyy-MM-dd"),
            ["Activity.Kind"] = nameof(PartyActivityKind.Other),
            ["Activity.Summary"] = "到社区开展便民服务。",
        }, formPage: page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PageText.ReadAsync(response);
        Assert.Contains("请填写活动类型名称。", html);
        Assert.Contains("到社区开展便民服务。", html);
        await using var db = app.NewContext();
        Assert.False(await db.PartyGroups.AnyAsync(g => g.PlanProjectId == graph.Project.Id));
    }
}
