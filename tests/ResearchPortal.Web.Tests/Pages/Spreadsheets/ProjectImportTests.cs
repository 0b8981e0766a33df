using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Documents.Imports;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Spreadsheets;

[Collection(PortalCollections.Projects)]
public sealed class ProjectImportTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    private static readonly string[] Header = ["项目编号", "项目名称", "专业领域", "申报单位", "承办单位", "所在市"];

    [Fact]
    public async Task Projects_are_added_creating_the_units_not_yet_registered()
    {
        var graph = await RosterGraph.SaveAsync(app, 0);
        var newUnit = $"新单位{Guid.NewGuid():N}"[..12];
        using var reviewer = await ReviewerAsync();
        var numbers = new[] { Number(), Number() };
        var file = ImportFiles.Table(Header,
        [
            [numbers[0], "人工智能高级研修班", "信息技术", graph.Applicant.Name, newUnit, "烟台"],
            [numbers[1], "海洋牧场高级研修班", "海洋", newUnit, graph.Host.Name, ""],
        ]);

        var response = await UploadAsync(reviewer, file);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewContext();
        var unit = await db.Organizations.SingleAsync(o => o.Name == newUnit);
        Assert.Equal("烟台", unit.City);
        var projects = await db.PlanProjects.Where(p => numbers.Contains(p.ProjectNumber)).ToListAsync();
        Assert.Equal(
            [(graph.Applicant.Id, unit.Id), (unit.Id, graph.Host.Id)],
            projects.OrderBy(p => Array.IndexOf(numbers, p.ProjectNumber)).Select(p => (p.ApplicantOrganizationId, p.HostOrganizationId)));
    }

    [Fact]
    public async Task Duplicate_numbers_and_a_new_unit_without_city_are_refused_with_nothing_written()
    {
        var graph = await RosterGraph.SaveAsync(app, 0);
        using var reviewer = await ReviewerAsync();
        var number = Number();
        var file = ImportFiles.Table(Header,
        [
            [graph.Project.ProjectNumber, "重复编号研修班", "农业", graph.Applicant.Name, graph.Host.Name, ""],
            [number, "第一行", "农业", graph.Applicant.Name, graph.Host.Name, ""],
            [number, "第二行", "农业", graph.Applicant.Name, "未登记的单位", ""],
        ]);
        var before = await CountsAsync();

        var response = await UploadAsync(reviewer, file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PageText.ReadAsync(response);
        Assert.Matches($"<td>第 2 行</td>\\s*<td>项目编号</td>\\s*<td>项目编号“{graph.Project.ProjectNumber}”在 2025 年度已存在。</td>", html);
        Assert.Matches("<td>第 4 行</td>\\s*<td>项目编号</td>\\s*<td>与第 3 行的项目编号重复。</td>", html);
        Assert.Matches("<td>第 4 行</td>\\s*<td>承办单位</td>\\s*<td>单位“未登记的单位”尚未登记。请在“所在市”列填写", html);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_unknown_plan_year_is_not_found()
    {
        using var reviewer = await ReviewerAsync();

        var response = await reviewer.GetAsync("/Spreadsheets/ImportProjects?year=1999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Number() => $"T{Guid.NewGuid():N}"[..12];

    private async Task<PortalClient> ReviewerAsync() => await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

    private static Task<HttpResponseMessage> UploadAsync(PortalClient client, byte[] file) =>
        client.PostMultipartAsync("/Spreadsheets/ImportProjects?year=2025", [], new() { ["file"] = ("计划.xlsx", file) });

    private async Task<(int Projects, int Units)> CountsAsync()
    {
        await using var db = app.NewContext();
        return (await db.PlanProjects.CountAsync(), await db.Organizations.CountAsync());
    }
}
