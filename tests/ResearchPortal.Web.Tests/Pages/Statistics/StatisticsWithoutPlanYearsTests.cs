using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Statistics;

[Collection(PortalCollections.Projects)]
public sealed class StatisticsWithoutPlanYearsTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task Before_the_first_plan_year_the_page_says_there_is_nothing_to_count()
    {
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        var html = await reviewer.GetPageAsync("/Statistics");

        Assert.Contains("尚无计划年度，暂无统计。", html);
        Assert.Empty(StatisticsPageTests.ReadTables(html));
    }
}
