using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Pages.Spreadsheets;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Lists;

/// <summary>The project and review lists page, sort, search and filter on the server, everything in the URL.</summary>
[Collection(PortalCollections.Projects)]
public sealed class ProjectListTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task A_units_new_name_shows_on_the_next_request_and_a_page_kept_for_a_reviewer_is_never_an_organizers()
    {
        var prefix = Prefix();
        var projects = await ProjectBatch.SaveAsync(app.NewContext(), prefix, 10);
        using var reviewer = await ReviewerAsync();
        var url = $"/Projects?q={prefix}&sort=number";
        Assert.Contains("共 10 条", await reviewer.GetPageAsync(url));

        // Renamed by another instance or a script: the page this instance keeps is read afresh.
        await using (var db = app.NewContext())
        {
            await db.Organizations.Where(o => o.Id == projects[0].HostOrganizationId).ExecuteUpdateAsync(set => set.SetProperty(o => o.Name, $"{prefix}改名单位"));
        }

        Assert.Contains($"{prefix}改名单位", await reviewer.GetPageAsync(url));

        // The same address for an organizer lists only their unit's projects (2 of the 10 host there, 2 apply from it).
        using var organizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, projects[0].HostOrganizationId));
        var own = await organizer.GetPageAsync(url);
        Assert.Contains("共 4 条", own);
        Assert.Equal(projects.Where(p => p.HostOrganizationId == projects[0].HostOrganizationId || p.ApplicantOrganizationId == projects[0].HostOrganizationId)
            .Select(p => p.ProjectNumber).Order(), Numbers(own, prefix).Order());
    }

    [Fact]
    public async Task A_plan_year_added_anywhere_is_offered_in_the_review_lists_year_filter_at_once()
    {
        using var reviewer = await ReviewerAsync();
        const int year = 2097;
        Assert.DoesNotContain($"<option value=\"{year}\">", await reviewer.GetPageAsync("/Review/CloseOuts"));

        await using (var db = app.NewContext())
        {
            db.PlanYears.Add(TestData.PlanYear(year));
            await db.SaveChangesAsync();
        }

        foreach (var list in new[] { "/Review/CloseOuts", "/Review/Filings", "/Projects" })
        {
            Assert.Contains($"<option value=\"{year}\">", await reviewer.GetPageAsync(list));
        }
    }

    [Fact]
    public async Task Page_two_shows_rows_51_to_100()
    {
        var prefix = Prefix();
        await ProjectBatch.SaveAsync(app.NewContext(), prefix, 120);
        using var reviewer = await ReviewerAsync();

        var html = await reviewer.GetPageAsync($"/Projects?q={prefix}&sort=number&p=2");

        Assert.Equal(Enumerable.Range(51, 50).Select(i => $"{prefix}-{i:D4}"), Numbers(html, prefix));
        Assert.Contains("共 120 条，第 2 / 3 页", html);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(999999999)] // typed into the address bar: no overflow, no error
    public async Task A_page_past_the_end_shows_the_last_page(int pageNumber)
    {
        var prefix = Prefix();
        await ProjectBatch.SaveAsync(app.NewContext(), prefix, 60);
        using var reviewer = await ReviewerAsync();

        var html = await reviewer.GetPageAsync($"/Projects?q={prefix}&sort=number&p={pageNumber}");

        Assert.Equal(Enumerable.Range(51, 10).Select(i => $"{prefix}-{i:D4}"), Numbers(html, prefix));
        Assert.Contains("共 60 条，第 2 / 2 页", html);
    }

    [Fact]
    public async Task A_sort_link_sorts_ascending_then_toggles_to_descending()
    {
        var prefix = Prefix();
        await ProjectBatch.SaveAsync(app.NewContext(), prefix, 60);
        using var reviewer = await ReviewerAsync();

        var ascending = await reviewer.GetPageAsync($"/Projects?q={prefix}&sort=number");
        var descending = await reviewer.GetPageAsync($"/Projects?q={prefix}&sort=-number");

        Assert.Equal($"{prefix}-0001", Numbers(ascending, prefix)[0]);
        Assert.Equal($"{prefix}-0060", Numbers(descending, prefix)[0]);
        Assert.Equal($"/Projects?q={prefix}&sort=-number", SortLink(ascending, "项目编号"));
        Assert.Equal($"/Projects?q={prefix}&sort=number", SortLink(descending, "项目编号"));
    }

    [Fact]
    public async Task A_search_narrows_the_list_whatever_the_letter_case_and_says_when_nothing_matches()
    {
        var prefix = Prefix();
        await ProjectBatch.SaveAsync(app.NewContext(), prefix, 3);
        using var reviewer = await ReviewerAsync();

        var html = await reviewer.GetPageAsync($"/Projects?q={prefix.ToLowerInvariant()}-0002");
        var none = await reviewer.GetPageAsync($"/Projects?q={prefix}-9999");

        Assert.Equal([$"{prefix}-0002"], Numbers(html, prefix));
        Assert.Contains("共 1 条", html);
        Assert.Contains("没有符合条件的研修项目。", none);
    }

    [Fact]
    public async Task The_status_filter_lists_exactly_the_projects_the_domain_gives_that_status()
    {
        var prefix = Prefix();
        var projects = await ProjectBatch.SaveAsync(app.NewContext(), prefix, 12);
        using var reviewer = await ReviewerAsync();
        var expected = await DomainStatusesAsync(projects);

        foreach (var status in Enum.GetValues<ProjectStatus>())
        {
            var html = await reviewer.GetPageAsync($"/Projects?q={prefix}&status={status}&sort=number");

            Assert.Equal(expected.Where(p => p.Value == status).Select(p => p.Key).Order(StringComparer.Ordinal), Numbers(html, prefix));
        }
    }

    [Fact]
    public async Task Filters_stay_in_the_pager_links_and_the_export_takes_them_too()
    {
        var prefix = Prefix();
        await ProjectBatch.SaveAsync(app.NewContext(), prefix, 120);
        using var reviewer = await ReviewerAsync();

        var html = WebUtility.HtmlDecode(await reviewer.GetPageAsync($"/Projects?q={prefix}&city=济南"));
        var export = (await Downloads.ReadXlsxAsync(await reviewer.GetAsync($"/Spreadsheets/AllProjects?q={prefix}&city=济南"))).Rows.Select(Downloads.Joined);

        // Every fifth project is hosted in 济南 (the batch's first city).
        Assert.Contains("共 24 条", html);
        Assert.DoesNotContain("下一页", html);
        Assert.Equal(24, export.Count(row => row.Contains($"|{prefix}-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_filing_queue_lists_submitted_filings_only_and_pages_them()
    {
        var prefix = Prefix();
        await ProjectBatch.SaveAsync(app.NewContext(), prefix, 240);
        using var reviewer = await ReviewerAsync();

        var first = await reviewer.GetPageAsync($"/Review/Filings?q={prefix}&sort=number");
        var second = await reviewer.GetPageAsync($"/Review/Filings?q={prefix}&sort=number&p=2");

        // Every fourth project of the batch (the second, sixth, …) has a submitted filing: 60 in all.
        var submitted = Enumerable.Range(0, 240).Where(i => i % ProjectBatch.States == 1).Select(i => $"{prefix}-{i + 1:D4}").ToList();
        Assert.Contains("共 60 条，第 1 / 2 页", first);
        Assert.Equal(submitted.Take(50), Numbers(first, prefix));
        Assert.Equal(submitted.Skip(50), Numbers(second, prefix));
    }

    private static string Prefix() => $"LT{Guid.NewGuid():N}"[..10].ToUpperInvariant();

    private async Task<PortalClient> ReviewerAsync() => await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

    private static List<string> Numbers(string html, string prefix) =>
        Regex.Matches(html, Regex.Escape(prefix) + @"-\d{4}").Select(m => m.Value).ToList();

    private static string SortLink(string html, string header)
    {
        var match = Regex.Match(html, "<a href=\"([^\"]*)\"[^>]*>" + Regex.Escape(header));
        Assert.True(match.Success, $"No sort link for {header}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private async Task<Dictionary<string, ProjectStatus>> DomainStatusesAsync(IReadOnlyList<PlanProject> projects)
    {
        await using var db = app.NewContext();
        var ids = projects.Select(p => p.Id).ToList();
        var filings = await db.Filings.AsNoTracking().Where(f => ids.Contains(f.PlanProjectId)).ToDictionaryAsync(f => f.PlanProjectId);
        var closeOuts = await db.CloseOuts.AsNoTracking().Where(c => ids.Contains(c.PlanProjectId)).ToDictionaryAsync(c => c.PlanProjectId);
        return projects.ToDictionary(
            p => p.ProjectNumber,
            p => ProjectProgress.Evaluate(p, filings.GetValueOrDefault(p.Id), closeOuts.GetValueOrDefault(p.Id), TestData.Today, TestData.Calendar).Status);
    }
}
