using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Seminars;

/// <summary>A project whose filing the province approved: what the public notice (举办通知) shows of it.</summary>
public sealed record PublishedSeminar(PlanProject Project, Filing Filing, Organization Host, int AcceptedCount)
{
    public EnrollmentWindow Window => EnrollmentWindow.For(Filing);

    /// <summary>Planned trainees minus those already accepted; never below zero.</summary>
    public int SeatsLeft => Seats.Left(Filing.PlannedTraineeCount, AcceptedCount);
}

/// <summary>Reads approved seminars for the public pages and the enrollment form; only approved filings are public.</summary>
public static class PublishedSeminars
{
    /// <summary>Seminars open for enrollment today, earliest first, narrowed by the host's city and a keyword.</summary>
    public static async Task<IReadOnlyList<PublishedSeminar>> ListOpenAsync(PortalDbContext db, DateOnly today, string? city, string? keyword)
    {
        var rows = await Approved(db, Blank(city), Blank(keyword)).ToListAsync();

        // The window is the domain's rule (EnrollmentWindow), so it is applied after loading rather than restated in SQL.
        var open = rows.Where(s => EnrollmentWindow.For(s.Filing).IsOpenOn(today)).ToList();
        var accepted = await AcceptedCountsAsync(db, open.Select(s => s.Project.Id).ToList());
        return open
            .Select(s => new PublishedSeminar(s.Project, s.Filing, s.Host, accepted.GetValueOrDefault(s.Project.Id)))
            .OrderBy(s => s.Filing.StartDate)
            .ThenBy(s => s.Project.ProjectNumber)
            .ToList();
    }

    /// <summary>The approved seminar of a project, open or not; null when it does not exist or is not approved.</summary>
    public static async Task<PublishedSeminar?> FindAsync(PortalDbContext db, Guid projectId)
    {
        var row = await Approved(db, city: null, keyword: null, projectId).SingleOrDefaultAsync();
        return row is null ? null : new PublishedSeminar(row.Project, row.Filing, row.Host, await AcceptedCountAsync(db, projectId));
    }

    public static Task<int> AcceptedCountAsync(PortalDbContext db, Guid projectId) =>
        db.EnrollmentReceipts.CountAsync(r => r.PlanProjectId == projectId && r.Status == ReceiptStatus.Accepted);

    /// <summary>Host cities that have organizations, for the filter.</summary>
    public static Task<List<string>> CitiesAsync(PortalDbContext db) =>
        db.Organizations.Select(o => o.City).Distinct().OrderBy(c => c).ToListAsync();

    private static IQueryable<Row> Approved(PortalDbContext db, string? city, string? keyword, Guid? projectId = null) =>
        from filing in db.Filings
        where filing.Status == FilingStatus.Approved && (projectId == null || filing.PlanProjectId == projectId)
        join project in db.PlanProjects on filing.PlanProjectId equals project.Id
        join host in db.Organizations on project.HostOrganizationId equals host.Id
        where city == null || host.City == city
        where keyword == null || project.Name.Contains(keyword) || project.ProjectNumber.Contains(keyword)
            || host.Name.Contains(keyword) || (filing.Venue != null && filing.Venue.Contains(keyword))
        select new Row(project, filing, host);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Task<Dictionary<Guid, int>> AcceptedCountsAsync(PortalDbContext db, List<Guid> projectIds) =>
        db.EnrollmentReceipts
            .Where(r => projectIds.Contains(r.PlanProjectId) && r.Status == ReceiptStatus.Accepted)
            .GroupBy(r => r.PlanProjectId)
            .ToDictionaryAsync(g => g.Key, g => g.Count());

    private sealed record Row(PlanProject Project, Filing Filing, Organization Host);
}
