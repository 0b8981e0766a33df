using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;
using Xunit.Abstractions;

namespace ResearchPortal.Web.Tests.Pages.Lists;

/// <summary>
/// Each list runs a fixed number of SQL commands whatever the number of rows: the same count at 20 projects as at
/// 2,020 (the security-stamp check included; a fresh log-in before each round keeps it out of both). Every page asked
/// for exists at both sizes: a page past the end takes two more commands (the count, then the last page).
/// </summary>
[Collection(PortalCollections.Projects)]
public sealed class ListQueryBudgetTests(PortalApp app, ITestOutputHelper output) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    private static readonly string[] ReviewerLists =
    [
        "/Projects", "/Projects?status=InSession&sort=status", "/Projects?q=budget&year=2025&city=济南", "/Projects?sort=-name",
        "/Review/Filings", "/Review/Filings?sort=-submitted&city=青岛", "/Review/CloseOuts", "/Review/Deadlines",
        "/Review/Outcomes", "/Admin/Organizations", "/Admin/Accounts", "/Admin/Audit", "/Spreadsheets/AllProjects",
    ];

    private static readonly string[] PublicLists = ["/Seminars", "/Seminars?sort=-start&q=budget"];

    [Fact]
    public async Task Every_list_runs_the_same_number_of_commands_at_20_and_at_2020_projects()
    {
        await ProjectBatch.SaveAsync(app.NewContext(), "budget-a", 20);
        var few = await CountAsync();

        await ProjectBatch.SaveAsync(app.NewContext(), "budget-b", 2000);
        var many = await CountAsync();

        foreach (var (url, count) in few)
        {
            output.WriteLine($"{url}: {count} commands");
        }

        Assert.Equal(few, many);
        Assert.All(few, count => Assert.InRange(count.Value, 1, 8));
    }

    private async Task<Dictionary<string, int>> CountAsync()
    {
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        using var anonymous = app.Anonymous();
        var counts = new Dictionary<string, int>();
        foreach (var (client, url) in ReviewerLists.Select(url => (reviewer, url)).Concat(PublicLists.Select(url => (anonymous, url))))
        {
            // Warm once: a first request may fill per-process caches (the calendar, the model).
            (await client.GetAsync(url)).Dispose();
            counts[url] = await client.CountSqlCommandsAsync(url, app.SqlCommands);
        }

        return counts;
    }
}
