using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Builders;

/// <summary>The Annex 1 line every scenario starts from: a plan project with its applicant unit (青岛) and host unit (济南)
/// in the current plan year, added to a unit of work (the caller saves).</summary>
public sealed record PlannedProject(PlanYear Year, Organization Applicant, Organization Host, PlanProject Project)
{
    public static async Task<PlannedProject> AddAsync(PortalDbContext db)
    {
        // Plan years are shared reference data: reuse the one an earlier scenario in this database created.
        var year = await db.PlanYears.FindAsync(Today.Year) ?? db.PlanYears.Add(PlanYear(Today.Year)).Entity;
        var applicant = Organization(city: "青岛");
        var host = Organization(city: "济南");
        var project = PlanProject(applicant, host, year.Year);
        db.AddRange(applicant, host, project);
        return new PlannedProject(year, applicant, host, project);
    }
}
