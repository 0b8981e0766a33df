using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Builders;

/// <summary>
/// Many plan projects of the current plan year at once, through the domain, saved in one SaveChanges: in turn
/// planned, with a submitted filing, with an approved filing, and approved with a submitted close-out.
/// Numbers are <c>{prefix}-0001</c>… so a search for the prefix finds exactly the batch.
/// </summary>
public static class ProjectBatch
{
    public const int States = 4;

    public static readonly string[] Cities = ["济南", "青岛", "烟台", "潍坊", "临沂"];

    public static async Task<IReadOnlyList<PlanProject>> SaveAsync(PortalDbContext db, string prefix, int count)
    {
        await using var _ = db;
        var year = await db.PlanYears.FindAsync(Today.Year) ?? db.PlanYears.Add(PlanYear(Today.Year)).Entity;
        var units = Cities.Select(city => Organization($"{prefix}{city}单位", city)).ToList();
        // Filings only point at their attachments' rows, so one pair serves the whole batch.
        var plan = File("实施方案.pdf");
        var notice = File("举办通知.pdf");
        db.AddRange(units);
        db.AddRange(plan, notice);
        var projects = new List<PlanProject>();
        for (var i = 0; i < count; i++)
        {
            var project = Ok(Domain.Plans.PlanProject.Create(
                year.Year, $"{prefix}-{i + 1:D4}", $"第{i + 1}期高级研修班", "农业", units[(i + 1) % units.Count].Id, units[i % units.Count].Id));
            projects.Add(project);
            db.Add(project);
            switch (i % States)
            {
                case 1:
                    db.Add(SubmittedFiling(project, year, plan, notice));
                    break;
                case 2:
                    db.Add(ApprovedFiling(project, year, plan, notice));
                    break;
                case 3:
                    db.Add(ApprovedFiling(project, year, plan, notice));
                    var closeOut = CompleteCloseOut(project.Id);
                    Ok(closeOut.Submit(Organizer, Now, AfterSeminar, SeminarEnd, rosterSize: 32, Calendar));
                    db.Add(closeOut);
                    break;
            }
        }

        await db.SaveChangesAsync();
        return projects;
    }
}
