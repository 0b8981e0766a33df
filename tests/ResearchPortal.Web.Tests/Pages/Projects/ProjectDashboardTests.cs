using System.Net;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Pages.Filings.FilingScenario;

namespace ResearchPortal.Web.Tests.Pages.Projects;

[Collection(PortalCollections.Projects)]
public sealed class ProjectDashboardTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task The_dashboard_shows_the_units_projects_with_status_and_deadline_in_words()
    {
        var mine = await CreateAsync(app, CompleteDraft);
        var others = await CreateAsync(app);
        using var client = await mine.LoginHostAsync(app);
        await using var db = app.NewContext();
        var filing = db.Filings.Single(f => f.PlanProjectId == mine.Project.Id);
        var expected = ProjectProgress.Evaluate(mine.Project, filing, null, TestData.Today, TestData.Calendar);

        var html = Text(await client.GetPageAsync("/Projects/Index"));

        Assert.Contains(DeadlineText.Describe(expected.NextDeadline!), html);
        Assert.StartsWith("备案截止", DeadlineText.Describe(expected.NextDeadline!));
        Assert.Contains(expected.StatusLabel, html);
        Assert.Contains(mine.Project.ProjectNumber, html);
        Assert.DoesNotContain(others.Project.ProjectNumber, html);
    }

    [Fact]
    public async Task A_reviewer_filters_by_city_and_status()
    {
        var drafted = await CreateAsync(app, CompleteDraft);
        var planned = await CreateAsync(app);
        using var client = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        var html = Text(await client.GetPageAsync($"/Projects/Index?City=济南&Status={ProjectStatus.Planned}"));

        Assert.Contains(planned.Project.ProjectNumber, html);
        Assert.DoesNotContain(drafted.Project.ProjectNumber, html);
    }

    [Fact]
    public async Task The_overview_links_the_host_to_its_filing_and_hides_other_units_projects()
    {
        var scenario = await CreateAsync(app);
        using var host = await scenario.LoginHostAsync(app);
        using var stranger = await LoginOrganizerAsync(app, (await CreateAsync(app)).Host.Id);
        var url = $"/Projects/Details?id={scenario.Project.Id}";

        var html = await host.GetPageAsync(url);

        Assert.Contains($"href=\"/Filings/Edit?projectId={scenario.Project.Id}\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
    }
}
