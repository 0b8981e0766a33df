using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Outcomes;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Outcomes;

[Collection(PortalCollections.Seminars)]
public sealed class OutcomePageTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task A_trainee_on_the_roster_submits_an_outcome()
    {
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee);
        var graph = await RosterGraph.SaveAsync(app, 1, trainee.Id);
        using var client = await app.LoginAsync(trainee);

        var response = await client.PostFormAsync($"/Outcomes/Submit?{graph.Query}", new()
        {
            ["Input.Title"] = "关于智慧农业推广的三条建议",
            ["Input.Summary"] = "建议一……",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewContext();
        var outcome = await db.ResearchOutcomes.SingleAsync(o => o.PlanProjectId == graph.Project.Id);
        Assert.Equal(graph.Entries[0].Id, outcome.AuthorRosterEntryId);
    }

    [Fact]
    public async Task A_trainee_not_on_the_roster_gets_404()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        using var client = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Trainee));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Outcomes/Submit?{graph.Query}")).StatusCode);
    }

    [Fact]
    public async Task The_seventh_recommendation_on_a_roster_of_30_is_refused()
    {
        var graph = await RosterGraph.SaveAsync(app, 30);
        var outcomes = graph.Entries.Take(7)
            .Select(entry => Ok(ResearchOutcome.Submit(graph.Project.Id, entry.Id, $"{entry.Name}的成果", "摘要", null, Now)))
            .ToList();
        outcomes.Take(6).ToList().ForEach(outcome => Ok(outcome.Recommend(0, 30)));
        await using (var db = app.NewContext())
        {
            db.ResearchOutcomes.AddRange(outcomes);
            await db.SaveChangesAsync();
        }

        using var client = await graph.HostOrganizerAsync(app);
        var page = $"/Outcomes?{graph.Query}";
        Assert.Contains("已推荐 6 / 上限 6", PageText.Of(await client.GetPageAsync(page)));

        var response = await client.PostFormAsync($"{page}&outcomeId={outcomes[6].Id}&handler=Recommend", [], formPage: page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("推荐成果数量不得超过学员人数的20%（上限 6 项）", await PageText.ReadAsync(response));
        await using var check = app.NewContext();
        Assert.Equal(6, await check.ResearchOutcomes.CountAsync(o => o.PlanProjectId == graph.Project.Id && o.IsRecommended));
    }
}
