using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ResearchPortal.Domain.Plans;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ResearchPortal.Web.Tests.Browser.Journeys.Ui;

namespace ResearchPortal.Web.Tests.Browser.Journeys;

/// <summary>统计: the reviewer's charts are drawn from the tables beside them, for the latest plan year and for an earlier one.</summary>
[Collection(DemoPortalCollection.Name)]
public sealed class StatisticsJourneyTests(DemoPortal portal, ITestOutputHelper output)
{
    /// <summary>Whether each chart's canvas has any painted pixel, in page order.</summary>
    private const string PaintedCanvases = """
        () => [...document.querySelectorAll('canvas[data-chart]')].map(canvas => {
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let alpha = 3; alpha < pixels.length; alpha += 4) {
                if (pixels[alpha] !== 0) {
                    return true;
                }
            }
            return false;
        })
        """;

    [Fact]
    public async Task Reviewer_opens_statistics_from_the_navigation_switches_the_year_and_sees_charts_beside_the_tables()
    {
        var year = portal.App.Today.Year;
        var earlierYear = year - 1;
        await AddEarlierPlanYearAsync(earlierYear);
        await using var journey = portal.StartJourney("statistics");
        var reviewer = await portal.PageAsAsync(journey, DemoRole.Reviewer);
        await journey.RunAsync(output, async () =>
        {
            await reviewer.GotoAsync("/");
            await Nav(reviewer, "统计").ClickAsync();
            await Expect(Heading(reviewer)).ToHaveTextAsync("统计");
            await Expect(reviewer.GetByLabel("计划年度")).ToHaveValueAsync(year.ToString(CultureInfo.InvariantCulture));
            await Expect(reviewer.GetByRole(AriaRole.Table, new() { Name = "项目状态" })).ToBeVisibleAsync();
            await Expect(reviewer.GetByRole(AriaRole.Table, new() { Name = "学员按职称" })).ToBeVisibleAsync();
            await AssertChartsDrawnAsync(reviewer, atLeast: 6);
            await journey.ScreenshotAsync(reviewer, "latest-year");

            await reviewer.GetByLabel("计划年度").SelectOptionAsync(earlierYear.ToString(CultureInfo.InvariantCulture));
            await Button(reviewer, "查看").ClickAsync();
            await Expect(reviewer).ToHaveURLAsync(new Regex($"year={earlierYear}"));
            var status = reviewer.GetByRole(AriaRole.Table, new() { Name = "项目状态" });
            await Expect(status.GetByRole(AriaRole.Row).Filter(new() { HasText = "待备案" })).ToHaveTextAsync(new Regex(@"待备案\s*1"));
            await Expect(status.GetByRole(AriaRole.Row).Filter(new() { HasText = "合计" })).ToHaveTextAsync(new Regex(@"合计\s*1"));
            await AssertChartsDrawnAsync(reviewer, atLeast: 3);
            await journey.ScreenshotAsync(reviewer, "earlier-year");
        });
    }

    private static async Task AssertChartsDrawnAsync(IPage page, int atLeast)
    {
        // The charts are drawn by script after the tables are shown: wait until they are (or 10 s), then say which not.
        try
        {
            await page.WaitForFunctionAsync(
                $"() => {{ const painted = ({PaintedCanvases})(); return painted.length >= {atLeast} && painted.every(Boolean); }}",
                null,
                new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
        }

        var painted = await page.EvaluateAsync<bool[]>(PaintedCanvases);
        Assert.True(painted.Length >= atLeast, $"{painted.Length} charts, expected at least {atLeast}");
        Assert.All(painted, Assert.True);
    }

    /// <summary>The demo holds one plan year; an earlier one with a single planned project gives the selector a choice.</summary>
    private async Task AddEarlierPlanYearAsync(int earlierYear)
    {
        await using var db = portal.App.NewContext();
        if (await db.PlanYears.FindAsync(earlierYear) is not null)
        {
            return;
        }

        var unit = Builders.TestData.Organization("统计演示承办单位", "潍坊");
        db.AddRange(
            Builders.TestData.PlanYear(earlierYear),
            unit,
            Builders.TestData.Ok(PlanProject.Create(earlierYear, $"{earlierYear}-01", "往年高级研修班", "农业", unit.Id, unit.Id)));
        await db.SaveChangesAsync();
    }
}
