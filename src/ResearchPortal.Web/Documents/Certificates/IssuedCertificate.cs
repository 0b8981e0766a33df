using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Documents.Certificates;

/// <summary>What a 结业证书 states: a passed roster entry with its certificate number, project, dates and units.</summary>
// Init properties rather than a positional record: EF can filter and sort on members set in an initializer,
// not on constructor arguments.
public sealed record IssuedCertificate
{
    public required Guid RosterEntryId { get; init; }

    public required Guid PlanProjectId { get; init; }

    public string? TraineeUserId { get; init; }

    /// <summary>序号 on the roster; certificates are listed in this order.</summary>
    public required int Sequence { get; init; }

    public required string Number { get; init; }

    public required string HolderName { get; init; }

    public required decimal Hours { get; init; }

    public required string ProjectName { get; init; }

    public required string ProjectNumber { get; init; }

    /// <summary>办班时间 from the filing.</summary>
    public DateRange? Dates { get; init; }

    public required string ApplicantName { get; init; }

    public required string HostName { get; init; }

    /// <summary>"证书编号-姓名.pdf", the name of the certificate's file in a download or ZIP.</summary>
    public string FileName => $"{Number}-{HolderName}.pdf";

    /// <summary>Every issued certificate (passed and numbered); filter by project, entry or number.</summary>
    public static IQueryable<IssuedCertificate> Query(PortalDbContext db) =>
        from entry in db.RosterEntries
        where entry.Passed && entry.CertificateNumber != null
        join project in db.PlanProjects on entry.PlanProjectId equals project.Id
        join applicant in db.Organizations on project.ApplicantOrganizationId equals applicant.Id
        join host in db.Organizations on project.HostOrganizationId equals host.Id
        join filing in db.Filings on project.Id equals filing.PlanProjectId
        select new IssuedCertificate
        {
            RosterEntryId = entry.Id,
            PlanProjectId = project.Id,
            TraineeUserId = entry.TraineeUserId,
            Sequence = entry.Sequence,
            Number = entry.CertificateNumber!,
            HolderName = entry.Name,
            Hours = entry.CompletedHours,
            ProjectName = project.Name,
            ProjectNumber = project.ProjectNumber,
            Dates = filing.Dates,
            ApplicantName = applicant.Name,
            HostName = host.Name,
        };
}
