using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data.Demo;

namespace ResearchPortal.Benchmarks;

/// <summary>A project with a filing and as many distinct, passed trainees as asked, built through the domain.</summary>
public sealed record SampleRoster(Organization Applicant, Organization Host, PlanYear Year, PlanProject Project, Filing Filing, IReadOnlyList<RosterEntry> Entries)
{
    public const int PlanYearNumber = 2025;
    public static readonly DateOnly Today = new(2025, 6, 2);

    private static readonly DateOnly FirstBirthDate = new(1960, 1, 1);

    public static SampleRoster Create(int trainees)
    {
        var applicant = Ok(Organization.Create($"申报单位{Guid.NewGuid():N}"[..16], "青岛"));
        var host = Ok(Organization.Create($"承办单位{Guid.NewGuid():N}"[..16], "济南"));
        var year = Ok(PlanYear.Create(PlanYearNumber, new DateOnly(PlanYearNumber, 11, 15), "SDGY{year}-{project}-{seq:5}"));
        var project = Ok(PlanProject.Create(PlanYearNumber, $"B{Guid.NewGuid():N}"[..12], "乡村振兴专业技术人才高级研修班", "农业", applicant.Id, host.Id));
        var filing = Filing.Start(project.Id);
        Check(filing.UpdateDetails(new FilingDetails(
            "济南市历下区培训中心", new DateOnly(2025, 9, 15), new DateOnly(2025, 9, 19), "王老师", "0531-88888888", "13800000000", 40,
            [new ExpertSession("张教授", "教授", "现代农业技术", 12m), new ExpertSession("李研究员", "研究员", "乡村治理实践", 12.5m)])));
        var entries = Enumerable.Range(0, trainees).Select(i =>
        {
            var entry = Ok(RosterEntry.Create(
                project.Id, i + 1, $"学员{i:D5}", Gender.Female, IdNumber(i), "济南市农业科学研究院畜牧兽医研究所", "高级农艺师", "13900000000"));
            Check(entry.RecordResult(24m, passed: true, filing.TotalHours));
            return entry;
        }).ToList();
        Ok(CertificateIssuer.Assign(entries, year, project.ProjectNumber, 1, new HashSet<string>()));
        return new SampleRoster(applicant, host, year, project, filing, entries);
    }

    /// <summary>Distinct for i below 50 per day of birth times 20,000 days.</summary>
    public static Domain.Enrollment.IdNumber IdNumber(int i) => ChineseIdNumbers.Create(FirstBirthDate.AddDays(i / 50), i % 50, Gender.Female);

    private static T Ok<T>(Result<T> result) => result.Value;

    private static void Check(Result result)
    {
        if (result.IsFailure)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
        }
    }
}
