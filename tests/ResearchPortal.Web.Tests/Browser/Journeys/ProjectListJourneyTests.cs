using Microsoft.Playwright;
using ResearchPortal.Web.Tests.Builders;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ResearchPortal.Web.Tests.Browser.Journeys.Ui;

namespace ResearchPortal.Web.Tests.Browser.Journeys;

/// <summary>The reviewer finds projects in a long list by typing a search, paging and sorting, as a user would.</summary>
[Collection(DemoPortalCollection.Name)]
public sealed class ProjectListJourneyTests(DemoPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Reviewer_searches_the_project_list_pages_to_the_second_page_and_sorts_by_number_descending()
    {
        // Numbers sort after the demo projects', so the demo lists the other journeys read keep their first page.
        var prefix = $"ZZ{Guid.NewGuid():N}"[..8].ToUpperInvariant();
        await ProjectBatch.SaveAsync(portal.App.NewContext(), prefix, 60);
        await using var journey = portal.StartJourney("project-list");
        var reviewer = await portal.PageAsAsync(journey, DemoRole.Reviewer);
        await journey.RunAsync(output, async () =>
        {
            await reviewer.GotoAsync("/");
            await Nav(reviewer, "全部项目").ClickAsync();
            await Expect(Heading(reviewer)).ToHaveTextAsync("全部研修项目");

            await reviewer.GetByLabel("搜索").FillAsync(prefix.ToLowerInvariant());
            await Button(reviewer, "查询").ClickAsync();
            await Expect(reviewer.GetByText("共 60 条，第 1 / 2 页")).ToBeVisibleAsync();
            await Expect(Row(reviewer, $"{prefix}-0001")).ToBeVisibleAsync();
            await journey.ScreenshotAsync(reviewer, "searched");

            await Link(reviewer, "下一页").ClickAsync();
            await Expect(reviewer.GetByText("共 60 条，第 2 / 2 页")).ToBeVisibleAsync();
            await Expect(Row(reviewer, $"{prefix}-0051")).ToBeVisibleAsync();
            await Expect(Row(reviewer, $"{prefix}-0050")).ToHaveCountAsync(0);

            await Link(reviewer, "项目编号").ClickAsync();
            await Link(reviewer, "项目编号 ▲").ClickAsync();
            await Expect(reviewer.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync($"{prefix}-0060");
            await Expect(reviewer.GetByLabel("搜索")).ToHaveValueAsync(prefix.ToLowerInvariant());
            await journey.ScreenshotAsync(reviewer, "sorted-descending");
        });
    }
}
