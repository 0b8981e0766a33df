using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data.Demo;

namespace ResearchPortal.Web.Tests.Builders;

/// <summary>
/// Valid domain objects for tests, built only through the domain's own methods. The dates stand on
/// <see cref="Today"/> (a Monday in 2025, a year with a published calendar) and a seminar in September 2025,
/// so filing, enrollment and close-out rules all pass at the moments the tests use.
/// </summary>
public static class TestData
{
    public static readonly DateOnly Today = new(2025, 6, 2);
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateOnly SeminarStart = new(2025, 9, 15);
    public static readonly DateOnly SeminarEnd = new(2025, 9, 19);

    /// <summary>A working day after the seminar, for close-out steps.</summary>
    public static readonly DateOnly AfterSeminar = new(2025, 9, 26);

    public static readonly Actor Reviewer = new("reviewer-id", "审核员");
    public static readonly Actor Organizer = new("organizer-id", "组织者");

    private static int _projectNumbers;

    public static WorkingDayCalendar Calendar { get; } = new(OfficialCalendars.All);

    public static T Ok<T>(Result<T> result) => result.Value;

    public static void Ok(Result result) =>
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message)));

    public static Organization Organization(string? name = null, string city = "济南") =>
        Ok(Domain.Organizations.Organization.Create(name ?? $"测试单位{Guid.NewGuid():N}"[..12], city));

    public static PlanYear PlanYear(int year = 2025) =>
        Ok(Domain.Plans.PlanYear.Create(year, new DateOnly(year, 11, 15), "SDGY{year}-{project}-{seq:3}"));

    public static PlanProject PlanProject(Organization applicant, Organization host, int year = 2025, string? number = null) =>
        Ok(Domain.Plans.PlanProject.Create(year, number ?? NextProjectNumber(), "乡村振兴专业技术人才高级研修班", "农业", applicant.Id, host.Id));

    /// <summary>P00001, P00002, … in the order asked for: unique in the run, unlike random numbers under a unique index.</summary>
    public static string NextProjectNumber() => $"P{Interlocked.Increment(ref _projectNumbers):D5}";

    public static StoredFile File(string name = "实施方案.pdf") =>
        Ok(StoredFile.Create(name, "application/pdf", "%PDF-1.4 test"u8.ToArray(), Now));

    public static IReadOnlyList<ExpertSession> Sessions() =>
    [
        new("张教授", "教授", "现代农业技术", 12m),
        new("李研究员", "研究员", "乡村治理实践", 12.5m),
    ];

    /// <summary>A complete draft that passes every submit check on <see cref="Today"/>.</summary>
    public static Filing CompleteDraftFiling(
        PlanProject project, StoredFile plan, StoredFile notice, string contact = "王老师", IReadOnlyList<ExpertSession>? sessions = null)
    {
        var filing = Filing.Start(project.Id);
        Ok(filing.UpdateDetails(new FilingDetails(
            "济南市历下区培训中心", SeminarStart, SeminarEnd, contact, "0531-88888888", "13800000000", 40, sessions ?? Sessions())));
        Ok(filing.AttachImplementationPlan(AttachmentInfo.For(plan)));
        Ok(filing.AttachNotice(AttachmentInfo.For(notice)));
        Ok(filing.SetAttestation(true));
        return filing;
    }

    public static Filing SubmittedFiling(
        PlanProject project, PlanYear year, StoredFile plan, StoredFile notice, string contact = "王老师", IReadOnlyList<ExpertSession>? sessions = null)
    {
        var filing = CompleteDraftFiling(project, plan, notice, contact, sessions);
        Ok(filing.Submit(Organizer, Now, Today, year, Calendar));
        return filing;
    }

    public static Filing ApprovedFiling(PlanProject project, PlanYear year, StoredFile plan, StoredFile notice)
    {
        var filing = SubmittedFiling(project, year, plan, notice);
        Ok(filing.Approve(Reviewer, Now.AddHours(1), "同意备案"));
        return filing;
    }

    public static IdNumber IdNumber(int serial, Gender gender = Gender.Female) =>
        ChineseIdNumbers.Create(new DateOnly(1985, 3, 1).AddDays(serial), serial, gender);

    public static EnrollmentForm Form(string name, Gender gender) => new()
    {
        UnitName = "济南市农业科学研究院",
        Name = name,
        Gender = gender,
        Ethnicity = "汉族",
        PoliticalStatus = "中共党员",
        Position = "科长",
        ProfessionalTitle = "高级农艺师",
        TitleCertificateNumber = "GJ2020001",
        Landline = "0531-66666666",
        Mobile = "13900000000",
        QQ = "123456",
        Email = "trainee@example.com",
        WorkUnit = "济南市农业科学研究院",
        MailingAddress = "济南市历下区工业南路 1 号",
        Postcode = "250000",
        UnitContact = "赵联系人",
        ContactPhone = "0531-77777777",
        Fax = "0531-77777778",
        Remarks = "无",
    };

    public static EnrollmentReceipt Receipt(Filing approvedFiling, IdNumber idNumber, string name = "刘学员", Gender gender = Gender.Female, string? traineeUserId = null) =>
        Ok(EnrollmentReceipt.Submit(
            approvedFiling.PlanProjectId, traineeUserId, accountIdNumber: null, Form(name, gender), idNumber, [], EnrollmentWindow.For(approvedFiling), Today, Now));

    public static CloseOut CompleteCloseOut(Guid planProjectId, string responsiblePerson = "王负责人", string summary = "研修按计划完成，效果良好。")
    {
        var closeOut = CloseOut.Start(planProjectId);
        Ok(closeOut.UpdateReport(Report()));
        Ok(closeOut.UpdateAcceptance(responsiblePerson, "0531-88888888", summary, Ok(Score.Create(88))));
        Ok(closeOut.SetApplicantScore(Ok(Score.Create(90))));
        return closeOut;
    }

    public static SelfEvaluationReport Report() => new()
    {
        BasicInformation = "研修班共开设 6 个专题。",
        PerformanceGoals = "提升学员专业能力。",
        OrganizationAnalysis = "组织严密。",
        ManagementAnalysis = "管理规范。",
        PartyBuildingAnalysis = "成立临时党小组，开展政治学习。",
        GoalCompletionAnalysis = "目标全部完成。",
        ShortfallReasons = "无。",
        FollowUpPlan = "持续跟踪学员成果转化。",
        ExperienceAndSuggestions = "建议增加实践环节。",
        OtherMatters = "无。",
        EvaluationWork = "问卷满意度 98%。",
        MainOutcomes = "形成研修成果 6 项。",
    };
}
