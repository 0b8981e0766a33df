using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Web;
using Xunit.Abstractions;

namespace ResearchPortal.Web.Tests.Pages.Statistics;

[Collection(PortalCollections.Projects)]
public sealed class StatisticsQueryBudgetTests(PortalApp app, ITestOutputHelper output) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task The_page_and_its_download_run_the_same_number_of_commands_at_any_volume()
    {
        await StatisticsScenario.SaveAsync(app);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var page = $"/Statistics?year={StatisticsScenario.Year}";
        var download = $"/Statistics?handler=Xlsx&year={StatisticsScenario.Year}";
        Task<int> CountAsync(string url) => reviewer.CountSqlCommandsAsync(url, app.SqlCommands);

        var small = (Page: await CountAsync(page), Download: await CountAsync(download));

        await StatisticsScenario.AddVolumeAsync(app, projects: 60, trainees: 20);
        var large = (Page: await CountAsync(page), Download: await CountAsync(download));

        output.WriteLine($"SQL commands: page {small.Page} → {large.Page}, download {small.Download} → {large.Download}");
        Assert.Equal(small, large);
        Assert.InRange(large.Page, 1, 16);
        var tables = StatisticsPageTests.ReadTables(await reviewer.GetPageAsync(page));
        Assert.Equal("合计|1202|1207|5", tables["trainees-city"][^1]);
    }
}
