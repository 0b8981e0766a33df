using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Persistence;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Database;

/// <summary>
/// A reviewer's project list filtered by nothing but the year takes its size from <see cref="ProjectTally"/>, kept by
/// triggers on the projects: the tallies must equal the projects after every change, on both providers, and the page's
/// count must follow them.
/// </summary>
[Collection(PortalCollections.Projects)]
public sealed class ProjectTallyTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task The_reviewers_list_counts_the_projects_added_and_removed()
    {
        const int year = 2090;
        var projects = await AddProjectsAsync(app.NewContext(), year, 3);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        Assert.Contains("共 3 条", await reviewer.GetPageAsync($"/Projects?Year={year}"));

        await RemoveAsync(app.NewContext(), projects[0]);

        Assert.Contains("共 2 条", await reviewer.GetPageAsync($"/Projects?Year={year}"));
        await using var db = app.NewContext();
        await AssertTallyMatchesAsync(db, year);
    }

    [Fact]
    public async Task SQLite_keeps_the_tallies_too()
    {
        await using var host = await PortalTestHost.StartSqliteAsync();
        var projects = await AddProjectsAsync(host.NewContext(), 2091, 2);
        await using (var db = host.NewContext())
        {
            await AssertTallyMatchesAsync(db, 2091);
        }

        await RemoveAsync(host.NewContext(), projects[1]);
        await using var check = host.NewContext();
        await AssertTallyMatchesAsync(check, 2091);
        Assert.Equal(1, await check.ProjectTallies.Where(t => t.Year == 2091).Select(t => t.Count).SingleAsync());
    }

    private static async Task<IReadOnlyList<PlanProject>> AddProjectsAsync(PortalDbContext db, int year, int count)
    {
        await using var _ = db;
        var applicant = Organization();
        var host = Organization();
        var projects = Enumerable.Range(0, count).Select(_ => PlanProject(applicant, host, year)).ToList();
        db.AddRange(PlanYear(year), applicant, host);
        db.AddRange(projects);
        await db.SaveChangesAsync();
        return projects;
    }

    private static async Task RemoveAsync(PortalDbContext db, PlanProject project)
    {
        await using var _ = db;
        db.PlanProjects.Remove(await db.PlanProjects.SingleAsync(p => p.Id == project.Id));
        await db.SaveChangesAsync();
    }

    private static async Task AssertTallyMatchesAsync(PortalDbContext db, int year) =>
        Assert.Equal(
            await db.PlanProjects.CountAsync(p => p.Year == year),
            await db.ProjectTallies.Where(t => t.Year == year).Select(t => t.Count).SingleAsync());
}
