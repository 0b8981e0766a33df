using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;

namespace ResearchPortal.Web.Data;

/// <summary>A project whose filing the province approved: what the public notice (举办通知) shows of it.</summary>
public sealed record PublishedSeminar(PlanProject Project, Filing Filing, Organization Host, int AcceptedCount)
{
    public EnrollmentWindow Window => EnrollmentWindow.For(Filing);

    /// <summary>Planned trainees minus those already accepted; never below zero.</summary>
    public int SeatsLeft => Seats.Left(Filing.PlannedTraineeCount, AcceptedCount);
}

/// <summary>An approved seminar's planned and accepted trainees, for pages that show only its seats (the enrollment queue).</summary>
public sealed record SeminarSeats(int? Planned, int Accepted)
{
    /// <summary>Planned trainees minus those already accepted; never below zero.</summary>
    public int Left => Seats.Left(Planned, Accepted);
}

/// <summary>Reads approved seminars for the public pages and the enrollment form; only approved filings are public.</summary>
public static class PublishedSeminars
{
    /// <summary>The approved seminar of a project, open or not, with its accepted count, in one command; null when it
    /// does not exist or is not approved.</summary>
    public static async Task<PublishedSeminar?> FindAsync(PortalDbContext db, Guid projectId)
    {
        var row = await (
            from filing in db.Filings
            where filing.Status == FilingStatus.Approved && filing.PlanProjectId == projectId
            join project in db.PlanProjects on filing.PlanProjectId equals project.Id
            join host in db.Organizations on project.HostOrganizationId equals host.Id
            select new
            {
                Project = project,
                Filing = filing,
                Host = host,
                AcceptedCount = db.ReceiptTallies.Where(t => t.PlanProjectId == filing.PlanProjectId && t.Status == ReceiptStatus.Accepted)
                    .Select(t => t.Count).SingleOrDefault(),
            }).SingleOrDefaultAsync();
        return row is null ? null : new PublishedSeminar(row.Project, row.Filing, row.Host, row.AcceptedCount);
    }
}
