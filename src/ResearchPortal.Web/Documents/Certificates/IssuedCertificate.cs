using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Documents.Certificates;

/// <summary>What a 结业证书 states: a passed roster entry with its certificate number, project, dates and units.</summary>
public sealed record IssuedCertificate(
    Guid RosterEntryId,
    Guid PlanProjectId,
    string? TraineeUserId,
    int Sequence,
    string Number,
    string HolderName,
    decimal Hours,
    string ProjectName,
    string ProjectNumber,
    DateRange? Dates,
    string ApplicantName,
    string HostName)
{
    /// <summary>Every issued certificate (passed and numbered); filter by project, entry or number.</summary>
    public static IQueryable<IssuedCertificate> Query(PortalDbContext db) =>
        from entry in db.RosterEntries
        where entry.Passed && entry.CertificateNumber != null
        join project in db.PlanProjects on entry.PlanProjectId equals project.Id
        join applicant in db.Organizations on project.ApplicantOrganizationId equals applicant.Id
        join host in db.Organizations on project.HostOrganizationId equals host.Id
        join filing in db.Filings on project.Id equals filing.PlanProjectId into filings
        from filing in filings.DefaultIfEmpty()
        select new IssuedCertificate(
            entry.Id,
            project.Id,
            entry.TraineeUserId,
            entry.Sequence,
            entry.CertificateNumber!,
            entry.Name,
            entry.CompletedHours,
            project.Name,
            project.ProjectNumber,
            filing == null ? null : filing.Dates,
            applicant.Name,
            host.Name);

    /// <summary>"证书编号-姓名.pdf", the name of the certificate's file in a download or ZIP.</summary>
    public string FileName => $"{Number}-{HolderName}.pdf";
}
