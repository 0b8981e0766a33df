using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Pages.Filings;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Persistence;

/// <summary>Lists filter, sort and count by status in SQL; it must be the status the domain derives for the same project.</summary>
[Collection(PortalCollections.Projects)]
public sealed class ProjectStatusQueryTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    public static TheoryData<DateOnly> Days => new()
    {
        TestData.Today,
        TestData.SeminarStart.AddDays(-1),
        TestData.SeminarStart,
        TestData.SeminarEnd,
        TestData.SeminarEnd.AddDays(1),
    };

    [Theory]
    [MemberData(nameof(Days))]
    public async Task The_status_computed_in_SQL_is_the_domains_on_every_day_around_the_seminar(DateOnly today)
    {
        var ids = await ProjectsInEveryFilingStateAsync();
        await using var db = app.NewContext();
        var rows = db.ProjectListItems().Where(row => ids.Contains(row.Id));

        var facts = await rows.OrderBy(row => row.Id).ToListAsync();
        var statuses = await rows.OrderBy(row => row.Id).Select(ProjectListQueries.StatusOn(today)).ToListAsync();

        Assert.Equal(ids.Count, facts.Count);
        Assert.Equal(
            facts.Select(row => ProjectProgress.Evaluate(row.Facts, today, TestData.Calendar).Status),
            statuses);
        foreach (var status in statuses.Distinct())
        {
            Assert.Equal(statuses.Count(s => s == status), await rows.WhereStatus(status, today).CountAsync());
        }
    }

    [Fact]
    public async Task Around_the_seminar_the_approved_project_passes_through_each_dated_status()
    {
        await using var graphDb = app.NewContext();
        var approved = await ProjectGraph.SaveApprovedAsync(graphDb);
        await using var db = app.NewContext();
        var row = db.ProjectListItems().Where(r => r.Id == approved.Project.Id);

        Assert.Equal(ProjectStatus.EnrollmentOpen, await row.Select(ProjectListQueries.StatusOn(TestData.SeminarStart.AddDays(-1))).SingleAsync());
        Assert.Equal(ProjectStatus.InSession, await row.Select(ProjectListQueries.StatusOn(TestData.SeminarStart)).SingleAsync());
        Assert.Equal(ProjectStatus.InSession, await row.Select(ProjectListQueries.StatusOn(TestData.SeminarEnd)).SingleAsync());
        Assert.Equal(ProjectStatus.ClosingOut, await row.Select(ProjectListQueries.StatusOn(TestData.SeminarEnd.AddDays(1))).SingleAsync());
    }

    private async Task<List<Guid>> ProjectsInEveryFilingStateAsync()
    {
        var planned = await FilingScenario.CreateAsync(app);
        var draft = await FilingScenario.CreateAsync(app, FilingScenario.CompleteDraft);
        await using var submittedDb = app.NewContext();
        var submitted = await ProjectGraph.SaveSubmittedAsync(submittedDb);
        await using var approvedDb = app.NewContext();
        var approved = await ProjectGraph.SaveApprovedAsync(approvedDb);
        return [planned.Project.Id, draft.Project.Id, submitted.Project.Id, approved.Project.Id];
    }
}
