using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Builders;

/// <summary>A plan project with its organizations, plan year and a submitted or approved filing (enrollment open on
/// <see cref="TestData.Today"/> once approved), saved in its own unit of work.</summary>
public sealed record ProjectGraph(Organization Applicant, Organization Host, PlanYear Year, PlanProject Project, StoredFile Plan, StoredFile Notice, Filing Filing)
{
    /// <param name="db">A fresh unit of work (<c>PortalTestHost.NewContext()</c> or <c>PortalApp.NewContext()</c>); it is disposed here.</param>
    public static Task<ProjectGraph> SaveApprovedAsync(PortalDbContext db) => SaveAsync(db, approve: true);

    public static Task<ProjectGraph> SaveSubmittedAsync(PortalDbContext db) => SaveAsync(db, approve: false);

    private static async Task<ProjectGraph> SaveAsync(PortalDbContext db, bool approve)
    {
        await using var _ = db;

        var (year, applicant, hostUnit, project) = await PlannedProject.AddAsync(db);
        var plan = File("实施方案.pdf");
        var notice = File("举办通知.pdf");
        var filing = approve ? ApprovedFiling(project, year, plan, notice) : SubmittedFiling(project, year, plan, notice);
        db.AddRange(plan, notice, filing);
        await db.SaveChangesAsync();
        return new ProjectGraph(applicant, hostUnit, year, project, plan, notice, filing);
    }
}
