using ResearchPortal.Domain.Calendar;
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
        Approve(filing, year);
        var entries = Enumerable.Range(0, trainees).Select(i =>
        {
            var entry = Ok(RosterEntry.Create(
                project.Id, i + 1, $"学员{i:D5}", Gender.Female, IdNumber(i), "济南市农业科学研究院畜牧兽医研究所", "高级农艺师", "13900000000"));
            Check(entry.RecordResult(24m, passed: true, filing, filing.StartDate!.Value));
            return entry;
        }).ToList();
        Ok(CertificateIssuer.Assign(entries, filing, RosterRules.CertificatesOpenOn(filing.Dates!), year, project.ProjectNumber, 1, new HashSet<string>()));
        return new SampleRoster(applicant, host, year, project, filing, entries);
    }

    /// <summary>Results and certificates need an approved filing.</summary>
    private static void Approve(Filing filing, PlanYear year)
    {
        var actor = new Actor("benchmark", "基准测试");
        var now = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        Check(filing.AttachImplementationPlan(new AttachmentInfo(Guid.CreateVersion7(), "实施方案.pdf", "application/pdf", 100)));
        Check(filing.AttachNotice(new AttachmentInfo(Guid.CreateVersion7(), "举办通知.pdf", "application/pdf", 100)));
        Check(filing.SetAttestation(true));
        Check(filing.Submit(actor, now, Today, year, new WorkingDayCalendar(OfficialCalendars.All)));
        Check(filing.Approve(actor, now, null));
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
