using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.Demo;

namespace ResearchPortal.Web.Tests.Persistence;

/// <summary>The embedded default seeds a project in every state and the four demo accounts, once.</summary>
public sealed class DemoDataTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartSqliteAsync(seedDemoData: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_project_state_is_present()
    {
        await using var db = _host.NewContext();
        var projects = await db.PlanProjects.Select(p => p.Id).ToListAsync();
        var filings = await db.Filings.ToListAsync();
        var closeOuts = await db.CloseOuts.ToListAsync();

        Assert.Contains(projects, id => filings.All(f => f.PlanProjectId != id)); // planned
        Assert.Contains(filings, f => f.Status == FilingStatus.Draft);
        Assert.Contains(filings, f => f.Status == FilingStatus.Submitted);
        Assert.Contains(filings, f => f.Status == FilingStatus.Returned && f.LastReviewComment is not null);
        Assert.Contains(closeOuts, c => c.Status == CloseOutStatus.Draft);
        Assert.Contains(closeOuts, c => c.Status == CloseOutStatus.Accepted);

        var approvedIds = filings.Where(f => f.Status == FilingStatus.Approved).Select(f => f.PlanProjectId).ToList();
        var receipts = await db.EnrollmentReceipts.Where(r => approvedIds.Contains(r.PlanProjectId)).ToListAsync();
        Assert.Contains(receipts, r => r.Status == ReceiptStatus.Submitted);
        Assert.Contains(receipts, r => r.Status == ReceiptStatus.Declined);

        var certificates = await db.RosterEntries.CountAsync(e => e.CertificateNumber != null);
        Assert.True(certificates >= 30, $"only {certificates} certificates");
        Assert.True(await db.ResearchOutcomes.AnyAsync(o => o.IsSelected));
        Assert.True(await db.PartyGroups.AnyAsync());
    }

    [Fact]
    public async Task Demo_seminars_open_and_close_on_working_days_even_when_a_holiday_week_comes_first()
    {
        // On 2024-09-02 the upcoming seminars' first Monday 35 days ahead is 2024-10-07, inside National Day.
        await using var host = await PortalTestHost.StartSqliteAsync(seedDemoData: true, today: new DateOnly(2024, 9, 2));
        await using var db = host.NewContext();
        var calendar = await host.Get<CalendarService>().LoadAsync();

        var dates = (await db.Filings.ToListAsync()).Select(f => f.Dates!).ToList();

        Assert.NotEmpty(dates);
        Assert.All(dates, seminar => Assert.True(
            calendar.IsWorkingDay(seminar.Start) && calendar.IsWorkingDay(seminar.End), $"{seminar.Start}–{seminar.End}"));
        Assert.Contains(dates, seminar => seminar.Start == new DateOnly(2024, 10, 14));
    }

    [Fact]
    public async Task The_four_demo_accounts_exist_with_their_roles()
    {
        var users = _host.Get<UserManager<PortalUser>>();
        foreach (var (email, role) in new[]
                 {
                     (DemoDataSeeder.ReviewerEmail, PortalRoles.Reviewer),
                     (DemoDataSeeder.HostOrganizerEmail, PortalRoles.Organizer),
                     (DemoDataSeeder.ApplicantOrganizerEmail, PortalRoles.Organizer),
                     (DemoDataSeeder.TraineeEmail, PortalRoles.Trainee),
                 })
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.True(await users.IsInRoleAsync(user, role), $"{email} should be a {role}");
            Assert.True(await users.CheckPasswordAsync(user, DemoDataSeeder.Password));
        }

        await using var db = _host.NewContext();
        var trainee = await users.FindByEmailAsync(DemoDataSeeder.TraineeEmail);
        Assert.True(await db.EnrollmentReceipts.AnyAsync(r => r.TraineeUserId == trainee!.Id));
        Assert.True(await db.RosterEntries.AnyAsync(e => e.TraineeUserId == trainee!.Id));

        // The account enrolls only its own person: the number the README gives for the demo trainee.
        var bound = await db.AccountIdNumbers.SingleAsync(a => a.UserId == trainee!.Id);
        Assert.Equal("370102199006158865", bound.IdNumber.Value);
        Assert.All(await db.EnrollmentReceipts.Where(r => r.TraineeUserId == trainee!.Id).ToListAsync(), r => Assert.Equal(bound.IdNumber, r.IdNumber));
    }

    [Fact]
    public async Task The_demo_applicant_organizer_can_score_the_close_out_in_progress()
    {
        var applicant = await _host.Get<UserManager<PortalUser>>().FindByEmailAsync(DemoDataSeeder.ApplicantOrganizerEmail);
        await using var db = _host.NewContext();
        var draftCloseOut = await db.CloseOuts.SingleAsync(c => c.Status == CloseOutStatus.Draft);
        var project = await db.PlanProjects.SingleAsync(p => p.Id == draftCloseOut.PlanProjectId);

        Assert.Equal(applicant!.OrganizationId, project.ApplicantOrganizationId);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        int Count(PortalDbContext db) => db.PlanProjects.Count() + db.Users.Count();
        await using var before = _host.NewContext();
        var count = Count(before);

        await _host.Get<DemoDataSeeder>().SeedAsync();

        await using var after = _host.NewContext();
        Assert.Equal(count, Count(after));
    }
}
