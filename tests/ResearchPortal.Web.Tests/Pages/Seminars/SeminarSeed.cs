using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Seminars;

/// <summary>Saves a project graph into a <see cref="PortalApp"/> with its filing at the wanted stage
/// (<see cref="ProjectGraph.SaveApprovedAsync"/> serves the data-only host and stops at approved).</summary>
public static class SeminarSeed
{
    public static async Task<ProjectGraph> SaveAsync(PortalApp app, FilingStatus status = FilingStatus.Approved)
    {
        await using var db = app.NewContext();
        var year = await db.PlanYears.FindAsync(Today.Year) ?? db.PlanYears.Add(PlanYear(Today.Year)).Entity;
        var applicant = Organization(city: "青岛");
        var host = Organization(city: "济南");
        var project = PlanProject(applicant, host, year.Year);
        var plan = File("实施方案.pdf");
        var notice = File("举办通知.pdf");
        var filing = CompleteDraftFiling(project, plan, notice);
        if (status is FilingStatus.Submitted or FilingStatus.Approved)
        {
            Ok(filing.Submit(TestData.Organizer, Now, Today, year, Calendar));
        }

        if (status is FilingStatus.Approved)
        {
            Ok(filing.Approve(TestData.Reviewer, Now.AddHours(1), "同意备案"));
        }

        db.AddRange(applicant, host, project, plan, notice, filing);
        await db.SaveChangesAsync();
        return new ProjectGraph(applicant, host, year, project, plan, notice, filing);
    }
}
