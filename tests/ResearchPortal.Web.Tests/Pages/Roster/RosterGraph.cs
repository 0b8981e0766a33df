using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Roster;

/// <summary>An approved (or, when asked, only submitted) project with a roster, saved through a <see cref="PortalApp"/>, plus its unit's organizers.
/// (<c>Builders/ProjectGraph</c> needs a PortalTestHost; this is the same graph for the web tests.)</summary>
public sealed record RosterGraph(Organization Applicant, Organization Host, PlanYear Year, PlanProject Project, Filing Filing, IReadOnlyList<RosterEntry> Entries)
{
    private static int _serial = 100;

    public string Query => $"projectId={Project.Id}";

    /// <param name="traineeUserId">When given, the first entry comes from an accepted receipt of this trainee.</param>
    /// <param name="approved">False leaves the filing submitted, awaiting review.</param>
    public static async Task<RosterGraph> SaveAsync(PortalApp app, int rosterSize, string? traineeUserId = null, bool approved = true)
    {
        await using var db = app.NewContext();
        var (year, applicant, host, project) = await PlannedProject.AddAsync(db);
        var plan = File("实施方案.pdf");
        var notice = File("举办通知.pdf");
        var filing = approved ? ApprovedFiling(project, year, plan, notice) : SubmittedFiling(project, year, plan, notice);
        db.AddRange(plan, notice, filing);

        var entries = Enumerable.Range(1, rosterSize).Select(sequence =>
        {
            var idNumber = IdNumber(Interlocked.Increment(ref _serial));
            return sequence == 1 && traineeUserId is not null
                ? FromAcceptedReceipt(db, filing, idNumber, traineeUserId)
                : Ok(RosterEntry.Create(project.Id, sequence, $"学员{sequence:D2}", Gender.Female, idNumber, "济南市农业科学研究院", "农艺师", "13900000000"));
        }).ToList();
        db.RosterEntries.AddRange(entries);
        await db.SaveChangesAsync();
        return new RosterGraph(applicant, host, year, project, filing, entries);
    }

    public async Task<PortalClient> HostOrganizerAsync(PortalApp app) => await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, Host.Id));

    public async Task<PortalClient> ApplicantOrganizerAsync(PortalApp app) => await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, Applicant.Id));

    private static RosterEntry FromAcceptedReceipt(PortalDbContext db, Filing filing, IdNumber idNumber, string traineeUserId)
    {
        var receipt = Receipt(filing, idNumber, "刘学员", Gender.Female, traineeUserId);
        Ok(receipt.Accept(Organizer, Now));
        db.EnrollmentReceipts.Add(receipt);
        return Ok(RosterEntry.FromReceipt(receipt, 1));
    }
}
