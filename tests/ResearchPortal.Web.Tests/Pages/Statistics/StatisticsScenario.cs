using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Outcomes;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Statistics;

/// <summary>
/// Five projects of the plan year 2025 in five states across two cities, as of <see cref="Builders.TestData.Today"/>
/// (2025-06-02), with known trainees, scores and outcomes, each project with units of its own:
/// <list type="bullet">
/// <item>济南 (host 甲, applicant 乙): planned; closed (class 14–18 April, close-out on time, host 88 / applicant 65,
/// 2 accepted receipts, roster of 5 with 4 passed, 2 outcomes of which 1 recommended and selected); enrollment open.</item>
/// <item>烟台 (host 丙, applicant 丁): closing out (class 21–25 April, roster of 2 with 1 passed, close-out first
/// submitted on time on 12 May and returned since, so on time though now past its due date); filing for a class
/// starting 16 June (latest filing date 30 May), first submitted on time on 20 May, returned, and submitted again
/// late on <see cref="Builders.TestData.Today"/>: on time too.</item>
/// </list>
/// </summary>
public sealed class StatisticsScenario
{
    private static int _serial = 50_000;

    private StatisticsScenario(Organization jinanHost, Organization jinanApplicant, Organization yantaiHost)
    {
        JinanHost = jinanHost;
        JinanApplicant = jinanApplicant;
        YantaiHost = yantaiHost;
    }

    public static int Year => Today.Year;

    public Organization JinanHost { get; }

    public Organization JinanApplicant { get; }

    public Organization YantaiHost { get; }

    public static async Task<StatisticsScenario> SaveAsync(PortalApp app)
    {
        await using var db = app.NewContext();
        var year = Year;
        var planYear = await db.PlanYears.FindAsync(year) ?? db.PlanYears.Add(PlanYear(year)).Entity;
        var plan = File("实施方案.pdf");
        var notice = File("举办通知.pdf");
        var jinanHost = Organization(city: "济南");
        var jinanApplicant = Organization(city: "济南");
        var yantaiHost = Organization(city: "烟台");
        var yantaiApplicant = Organization(city: "烟台");
        db.AddRange(plan, notice, jinanHost, jinanApplicant, yantaiHost, yantaiApplicant);

        PlanProject Project(Organization host, Organization applicant, string field)
        {
            var project = Ok(Domain.Plans.PlanProject.Create(year, $"S{Interlocked.Increment(ref _serial)}", "统计测试高级研修班", field, applicant.Id, host.Id));
            db.Add(project);
            return project;
        }

        Filing Filed(PlanProject project, DateOnly start, DateOnly submittedOn)
        {
            var filing = Filing.Start(project.Id);
            Ok(filing.UpdateDetails(new FilingDetails("培训中心", start, start.AddDays(4), "王老师", "0531-88888888", "13800000000", 40, Sessions())));
            Ok(filing.AttachImplementationPlan(AttachmentInfo.For(plan)));
            Ok(filing.AttachNotice(AttachmentInfo.For(notice)));
            Ok(filing.SetAttestation(true));
            Ok(filing.Submit(Organizer, At(submittedOn), submittedOn, planYear, Calendar));
            db.Add(filing);
            return filing;
        }

        List<RosterEntry> Roster(Filing filing, params (string Title, bool Passed)[] trainees)
        {
            var entries = trainees.Select((trainee, index) =>
            {
                var entry = Ok(RosterEntry.Create(
                    filing.PlanProjectId, index + 1, $"学员{index + 1}", Gender.Female, IdNumber(Interlocked.Increment(ref _serial)), "某单位", trainee.Title, null));
                Ok(entry.RecordResult(20m, trainee.Passed, filing, filing.EndDate!.Value));
                return entry;
            }).ToList();
            db.AddRange(entries);
            return entries;
        }

        Project(jinanHost, jinanApplicant, "农业");

        var closed = Filed(Project(jinanHost, jinanApplicant, "农业"), new DateOnly(year, 4, 14), new DateOnly(year, 3, 20));
        Ok(closed.Approve(Reviewer, At(new DateOnly(year, 3, 21)), null));
        foreach (var serial in new[] { 1, 2 })
        {
            var receipt = Ok(Domain.Enrollment.EnrollmentReceipt.Submit(
                closed.PlanProjectId, null, null, Form($"回执{serial}", Gender.Female), IdNumber(Interlocked.Increment(ref _serial)), [],
                Domain.Enrollment.EnrollmentWindow.For(closed), new DateOnly(year, 4, 1), At(new DateOnly(year, 4, 1))));
            Ok(receipt.Accept(Organizer, At(new DateOnly(year, 4, 2))));
            db.Add(receipt);
        }

        var roster = Roster(closed, ("农艺师", true), ("农艺师", true), ("农艺师", true), ("农艺师", false), ("高级农艺师", true));
        var closeOut = CloseOut.Start(closed.PlanProjectId);
        Ok(closeOut.UpdateReport(Report()));
        Ok(closeOut.UpdateAcceptance("王负责人", "0531-88888888", "研修按计划完成。", Ok(Score.Create(88))));
        Ok(closeOut.SetApplicantScore(Ok(Score.Create(65))));
        Ok(closeOut.SetUnderstaffedExplanation("试点班，学员较少。"));
        var closedOn = new DateOnly(year, 4, 25);
        Ok(closeOut.Submit(Organizer, At(closedOn), closedOn, closed.EndDate!.Value, 5, Calendar));
        Ok(closeOut.Accept(Reviewer, At(closedOn.AddDays(3)), null));
        db.Add(closeOut);
        var recommended = Ok(ResearchOutcome.Submit(closed.PlanProjectId, roster[0].Id, "成果一", "摘要", null, At(closedOn)));
        Ok(recommended.Recommend(0, roster.Count));
        Ok(recommended.Select());
        db.AddRange(recommended, Ok(ResearchOutcome.Submit(closed.PlanProjectId, roster[1].Id, "成果二", "摘要", null, At(closedOn))));

        var open = Filed(Project(jinanHost, jinanApplicant, "农业"), SeminarStart, Today);
        Ok(open.Approve(Reviewer, Now, null));

        var closingOut = Filed(Project(yantaiHost, yantaiApplicant, "医疗卫生"), new DateOnly(year, 4, 21), new DateOnly(year, 3, 25));
        Ok(closingOut.Approve(Reviewer, At(new DateOnly(year, 3, 26)), null));
        Roster(closingOut, ("主治医师", true), ("主治医师", false));
        var returnedCloseOut = CloseOut.Start(closingOut.PlanProjectId);
        Ok(returnedCloseOut.UpdateReport(Report()));
        Ok(returnedCloseOut.UpdateAcceptance("李负责人", "0535-88888888", "研修按计划完成。", Ok(Score.Create(80))));
        Ok(returnedCloseOut.SetApplicantScore(Ok(Score.Create(80))));
        Ok(returnedCloseOut.SetUnderstaffedExplanation("基层学员较少。"));
        var closeOutFirstSubmittedOn = new DateOnly(year, 5, 12);
        Ok(returnedCloseOut.Submit(Organizer, At(closeOutFirstSubmittedOn), closeOutFirstSubmittedOn, closingOut.EndDate!.Value, 2, Calendar));
        Ok(returnedCloseOut.Return(Reviewer, At(closeOutFirstSubmittedOn.AddDays(2)), "请补充研修效果。"));
        db.Add(returnedCloseOut);

        var resubmitted = Filed(Project(yantaiHost, yantaiApplicant, "医疗卫生"), new DateOnly(year, 6, 16), new DateOnly(year, 5, 20));
        Ok(resubmitted.Return(Reviewer, At(new DateOnly(year, 5, 22)), "请补充专家职称。"));
        Ok(resubmitted.Submit(Organizer, Now, Today, planYear, Calendar));

        await db.SaveChangesAsync();
        return new StatisticsScenario(jinanHost, jinanApplicant, yantaiHost);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

    /// <summary>Adds <paramref name="projects"/> projects with enrollment open in cities of their own, each with
    /// <paramref name="trainees"/> accepted receipts, a roster made from them and one outcome.</summary>
    public static async Task AddVolumeAsync(PortalApp app, int projects, int trainees)
    {
        await using var db = app.NewContext();
        var planYear = await db.PlanYears.FindAsync(Year) ?? throw new InvalidOperationException("Save the scenario first.");
        var plan = File("实施方案.pdf");
        var notice = File("举办通知.pdf");
        db.AddRange(plan, notice);
        for (var p = 0; p < projects; p++)
        {
            var host = Organization(city: $"城市{p % 16:D2}");
            var applicant = Organization(city: "青岛");
            var project = Ok(Domain.Plans.PlanProject.Create(Year, $"V{Interlocked.Increment(ref _serial)}", "批量高级研修班", $"领域{p % 7}", applicant.Id, host.Id));
            var filing = ApprovedFiling(project, planYear, plan, notice);
            db.AddRange(host, applicant, project, filing);
            for (var t = 1; t <= trainees; t++)
            {
                var receipt = Receipt(filing, IdNumber(Interlocked.Increment(ref _serial)), $"学员{t}");
                Ok(receipt.Accept(Organizer, Now));
                var entry = Ok(RosterEntry.FromReceipt(receipt, t));
                db.AddRange(receipt, entry);
                if (t == 1)
                {
                    db.Add(Ok(ResearchOutcome.Submit(project.Id, entry.Id, "成果", "摘要", null, Now)));
                }
            }
        }

        await db.SaveChangesAsync();
    }
}
