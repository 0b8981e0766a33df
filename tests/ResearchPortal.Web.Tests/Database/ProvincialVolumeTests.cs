using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Benchmarks.PageLoad;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Database;

/// <summary>The page benchmark's seeding at a small scale: the counts it promises, every state, and the pages it measures
/// answering 200 to the accounts it signs in as (a benchmark of error pages must not look fast).</summary>
public sealed class ProvincialVolumeTests
{
    private static readonly VolumeScale Small = new(Projects: 60, RosterSize: 35, Receipts: 400, QueueReceipts: 200);

    [Fact]
    public async Task Seeds_the_counts_asked_for_in_every_state_and_the_measured_pages_answer_200()
    {
        await using var app = new PortalApp { Today = ProvincialVolume.Today };
        await app.InitializeAsync();

        var volume = await ProvincialVolume.SeedAsync(app.Services, Small);

        await using (var db = app.NewContext())
        {
            Assert.Equal(Small.Projects, await db.PlanProjects.CountAsync());
            Assert.Equal(Small.Receipts, await db.EnrollmentReceipts.CountAsync());
            Assert.Equal(Small.QueueReceipts, await db.EnrollmentReceipts.CountAsync(r => r.PlanProjectId == volume.QueueProjectId));
            Assert.Equal(Small.RosterSize, await db.RosterEntries.CountAsync(e => e.PlanProjectId == volume.RosterProjectId));
            Assert.True(await db.EnrollmentReceipts.AnyAsync(r => r.PlanProjectId == volume.QueueProjectId && r.Status == ReceiptStatus.Submitted));
            Assert.Equal(3, await db.PlanProjects.Select(p => p.Year).Distinct().CountAsync());

            var filings = await db.Filings.ToDictionaryAsync(f => f.PlanProjectId);
            var closeOuts = await db.CloseOuts.ToDictionaryAsync(c => c.PlanProjectId);
            var calendar = new WorkingDayCalendar(OfficialCalendars.All);
            var statuses = (await db.PlanProjects.ToListAsync())
                .Select(p => ProjectProgress.Evaluate(p, filings.GetValueOrDefault(p.Id), closeOuts.GetValueOrDefault(p.Id), ProvincialVolume.Today, calendar).Status)
                .ToHashSet();
            Assert.Equal(Enum.GetValues<ProjectStatus>().ToHashSet(), statuses);
            Assert.Equal(Enum.GetValues<FilingStatus>().ToHashSet(), filings.Values.Select(f => f.Status).ToHashSet());
            Assert.Equal(Enum.GetValues<CloseOutStatus>().ToHashSet(), closeOuts.Values.Select(c => c.Status).ToHashSet());
        }

        using var reviewer = await LoginAsync(app, volume.ReviewerEmail);
        using var host = await LoginAsync(app, volume.HostEmail);
        await reviewer.GetPageAsync("/Projects");
        await reviewer.GetPageAsync("/Review/Filings");
        await host.GetPageAsync($"/Enrollments/Queue?projectId={volume.QueueProjectId}");
        await host.GetPageAsync($"/Roster?projectId={volume.RosterProjectId}");
        await app.Anonymous().GetPageAsync("/Seminars");
    }

    private static async Task<PortalClient> LoginAsync(PortalApp app, string email)
    {
        var client = app.Anonymous();
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = ProvincialVolume.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
