using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Outcomes;
using ResearchPortal.Domain.PartyGroups;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Domain.Rules;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Data.Demo;

/// <summary>
/// Demo organizations, accounts and one project in every state, dated relative to the clock's today (T). Runs only on
/// the embedded SQLite default or with <c>Portal:SeedDemoData=true</c>, and only into an empty database.
/// <para>
/// Every record goes through the domain's own methods, each called with the date on which that step would have
/// happened, so the data obeys the rules as real data would:
/// upcoming seminars start on the first Monday at least five weeks after T (filed a few days before T, well within
/// "10 working days before the start"); the seminar awaiting close-out ended last week or the week before (its close-out,
/// due 15 working days after the end, is not yet late); the closed seminar ended about two months ago. Each project
/// belongs to the plan year of its end date, whose completion deadline is set to 31 December so no demo seminar
/// runs past it.
/// </para>
/// </summary>
public sealed class DemoDataSeeder(
    PortalDbContext db,
    UserManager<PortalUser> users,
    CalendarService calendarService,
    PortalClock clock)
{
    public const string Password = "Demo@2026";
    public const string ReviewerEmail = "reviewer@demo.local";
    public const string HostOrganizerEmail = "host@demo.local";
    public const string ApplicantOrganizerEmail = "applicant@demo.local";
    public const string TraineeEmail = "trainee@demo.local";
    public const int RosterSize = 32;

    /// <summary>The demo trainee's own ID number, bound to the account by the receipt seeded for the held seminar;
    /// the account enrolls with this number only.</summary>
    public static readonly IdNumber TraineeIdNumber = ChineseIdNumbers.Create(new DateOnly(1990, 6, 15), 88, Gender.Female);

    private const string TraineeName = "刘洋";
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超"];

    private WorkingDayCalendar _calendar = null!;
    private readonly Dictionary<int, PlanYear> _planYears = [];
    private int _personCount;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Organizations.AnyAsync(cancellationToken))
        {
            return;
        }

        _calendar = await calendarService.LoadAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var host = Add(Organization.Create("山东省专业技术人员继续教育中心", "济南"));
        var qingdao = Add(Organization.Create("青岛市农业农村局", "青岛"));
        var yantai = Add(Organization.Create("烟台市卫生健康委员会", "烟台"));
        var weifang = Add(Organization.Create("潍坊市工业和信息化局", "潍坊"));
        await db.SaveChangesAsync(cancellationToken);

        var reviewer = await CreateAccountAsync(ReviewerEmail, "审核员", PortalRoles.Reviewer, organizationId: null);
        var hostOrganizer = await CreateAccountAsync(HostOrganizerEmail, "承办单位组织者", PortalRoles.Organizer, host.Id);
        await CreateAccountAsync(ApplicantOrganizerEmail, "申报单位组织者", PortalRoles.Organizer, qingdao.Id);
        var trainee = await CreateAccountAsync(TraineeEmail, TraineeName, PortalRoles.Trainee, organizationId: null);
        var reviewerActor = new Actor(reviewer.Id, reviewer.DisplayName);
        var organizerActor = new Actor(hostOrganizer.Id, hostOrganizer.DisplayName);

        var today = clock.Today;
        var upcomingStart = WorkingWeek(MondayOnOrAfter(today.AddDays(35)), direction: 1);
        var heldStart = WorkingWeek(MondayOnOrAfter(today.AddDays(-15)), direction: -1);
        var closedStart = WorkingWeek(MondayOnOrAfter(today.AddDays(-70)), direction: -1);
        AddPlanYear(today.Year);

        AddProject("数字经济与智能制造高级研修班", "工业和信息化", weifang, host, upcomingStart);

        var draft = StartFiling("基层卫生健康服务能力提升高级研修班", "卫生健康", yantai, host, upcomingStart);
        Expect(draft.UpdateDetails(Details(upcomingStart, sessions: 2)));

        var submitted = StartFiling("海洋生态保护与修复高级研修班", "海洋科学", qingdao, host, upcomingStart);
        CompleteAndSubmit(submitted, upcomingStart, organizerActor, today.AddDays(-2));

        var returned = StartFiling("乡村产业振兴高级研修班", "农业", qingdao, host, upcomingStart);
        CompleteAndSubmit(returned, upcomingStart, organizerActor, today.AddDays(-6));
        Expect(returned.Return(reviewerActor, At(today.AddDays(-3), 15), "专家授课安排中“乡村治理”专题缺少授课专家的职称，请补充后重新提交。"));

        var open = StartFiling("现代种业创新高级研修班", "农业", qingdao, host, upcomingStart);
        CompleteAndSubmit(open, upcomingStart, organizerActor, today.AddDays(-8));
        Expect(open.Approve(reviewerActor, At(today.AddDays(-5), 10), "同意备案。"));
        AddOpenEnrollment(open, organizerActor, today);

        // The applicant unit is the demo applicant organizer's, so that account can give the applicant score.
        var held = StartFiling("智慧医疗与公共卫生应急高级研修班", "卫生健康", qingdao, host, heldStart);
        var heldRoster = HoldSeminar(held, heldStart, organizerActor, reviewerActor, trainee.Id);
        var heldCloseOut = Add(CloseOut.Start(held.PlanProjectId));
        Expect(heldCloseOut.UpdateReport(SelfEvaluationReport.Empty with { BasicInformation = $"本期研修班共有学员 {heldRoster.Count} 人，开设专题 4 个。" }));

        var closed = StartFiling("工业互联网与数字化转型高级研修班", "工业和信息化", weifang, host, closedStart);
        var closedRoster = HoldSeminar(closed, closedStart, organizerActor, reviewerActor, traineeUserId: null);
        CloseProject(closed, closedRoster, closedStart, organizerActor, reviewerActor);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<PortalUser> CreateAccountAsync(string email, string displayName, string role, Guid? organizationId)
    {
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            OrganizationId = organizationId,
        };
        // Hashed here rather than through CreateAsync(user, password): the short, published demo password predates the
        // 10-character rule, which applies to passwords people choose, not to these demo accounts.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, Password);
        DatabaseInitializer.EnsureSucceeded(await users.CreateAsync(user));
        DatabaseInitializer.EnsureSucceeded(await users.AddToRoleAsync(user, role));
        return user;
    }

    private PlanProject AddProject(string name, string field, Organization applicant, Organization host, DateOnly start)
    {
        var planYear = AddPlanYear(start.AddDays(4).Year);
        var number = db.PlanProjects.Local.Count(p => p.Year == planYear.Year) + 1;
        return Add(PlanProject.Create(planYear.Year, $"{planYear.Year}-{number:D2}", name, field, applicant.Id, host.Id));
    }

    private PlanYear AddPlanYear(int year)
    {
        if (!_planYears.TryGetValue(year, out var planYear))
        {
            planYear = Add(PlanYear.Create(year, new DateOnly(year, 12, 31), CertificateNumberPattern.Default));
            _planYears[year] = planYear;
        }

        return planYear;
    }

    private Filing StartFiling(string name, string field, Organization applicant, Organization host, DateOnly start) =>
        Add(Filing.Start(AddProject(name, field, applicant, host, start).Id));

    private static FilingDetails Details(DateOnly start, int sessions) => new(
        "济南市历下区山东省专业技术人员继续教育中心培训楼",
        start,
        start.AddDays(4),
        "王建国",
        "0531-86123456",
        "13805310000",
        40,
        [.. new ExpertSession[]
        {
            new("陈立新", "教授", "新时代人才工作的新要求", 6m),
            new("李晓梅", "研究员", "前沿技术与产业应用", 6m),
            new("赵国栋", "正高级工程师", "典型案例现场教学", 6m),
            new("孙慧", "教授", "研修成果交流与研讨", 6m),
        }.Take(sessions)])
    {
        ContactPosition = "培训部主任",
    };

    private void CompleteAndSubmit(Filing filing, DateOnly start, Actor organizer, DateOnly submittedOn)
    {
        Expect(filing.UpdateDetails(Details(start, sessions: 4)));
        Expect(filing.AttachImplementationPlan(AttachmentInfo.For(AddFile("研修项目实施方案.txt", submittedOn))));
        Expect(filing.AttachNotice(AttachmentInfo.For(AddFile("研修项目举办通知.txt", submittedOn))));
        Expect(filing.SetAttestation(true));
        var planYear = _planYears[start.AddDays(4).Year];
        Expect(filing.Submit(organizer, At(submittedOn, 9), submittedOn, planYear, _calendar));
    }

    private StoredFile AddFile(string fileName, DateOnly uploadedOn) =>
        Add(StoredFile.Create(fileName, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes($"{Path.GetFileNameWithoutExtension(fileName)}（演示文件）"), At(uploadedOn, 8)));

    /// <summary>Enrollment still open (the seminar starts after today): receipts in each state.</summary>
    private void AddOpenEnrollment(Filing filing, Actor organizer, DateOnly today)
    {
        var window = EnrollmentWindow.For(filing);
        var receipts = Enumerable.Range(0, 5).Select(_ => SubmitReceipt(filing, window, today, traineeUserId: null)).ToList();
        Expect(receipts[0].Accept(organizer, At(today, 11)));
        Expect(receipts[1].Accept(organizer, At(today, 11)));
        Expect(receipts[2].Decline(organizer, At(today, 11), "本单位本年度已有学员参加同类研修，名额让给其他单位。"));
    }

    /// <summary>A seminar that has taken place: filed, approved, enrolled and held, with hours and results recorded.</summary>
    private List<RosterEntry> HoldSeminar(Filing filing, DateOnly start, Actor organizer, Actor reviewer, string? traineeUserId)
    {
        CompleteAndSubmit(filing, start, organizer, start.AddDays(-30));
        Expect(filing.Approve(reviewer, At(start.AddDays(-25), 10), "同意备案。"));
        var window = EnrollmentWindow.For(filing);
        var enrolledOn = start.AddDays(-20);
        var roster = new List<RosterEntry>();
        for (var sequence = 1; sequence <= RosterSize; sequence++)
        {
            var receipt = SubmitReceipt(filing, window, enrolledOn, sequence == 1 ? traineeUserId : null, sequence == 1 && traineeUserId is not null ? TraineeName : null);
            Expect(receipt.Accept(organizer, At(enrolledOn.AddDays(2), 10)));
            var entry = Add(RosterEntry.FromReceipt(receipt, sequence));

            // Two trainees missed too many sessions to pass the final assessment.
            var passed = sequence % 15 != 0;
            Expect(entry.RecordResult(passed ? filing.TotalHours : filing.TotalHours - 12m, passed, filing, filing.EndDate!.Value));
            roster.Add(entry);
        }

        return roster;
    }

    private EnrollmentReceipt SubmitReceipt(Filing filing, EnrollmentWindow window, DateOnly submittedOn, string? traineeUserId, string? name = null)
    {
        _personCount++;
        var ownReceipt = traineeUserId is not null;
        var gender = ownReceipt || _personCount % 2 == 0 ? Gender.Female : Gender.Male;
        var form = new EnrollmentForm
        {
            UnitName = "山东省农业科学院",
            Name = name ?? Surnames[_personCount % Surnames.Length] + GivenNames[_personCount * 7 % GivenNames.Length] + GivenNames[_personCount % GivenNames.Length],
            Gender = gender,
            Ethnicity = "汉族",
            PoliticalStatus = _personCount % 3 == 0 ? "群众" : "中共党员",
            Position = "科长",
            ProfessionalTitle = "高级工程师",
            Mobile = $"138{_personCount:D8}",
            Email = $"trainee{_personCount}@example.com",
            WorkUnit = "山东省农业科学院",
            MailingAddress = "济南市历城区工业北路 202 号",
            Postcode = "250100",
        };
        var idNumber = ownReceipt ? TraineeIdNumber : ChineseIdNumbers.Create(new DateOnly(1975, 1, 1).AddDays(_personCount * 97), _personCount, gender);
        var submittedAt = At(submittedOn, 14);
        if (ownReceipt)
        {
            Add(AccountIdNumber.Bind(traineeUserId!, idNumber, submittedAt));
        }

        return Add(EnrollmentReceipt.Submit(filing.PlanProjectId, traineeUserId, accountIdNumber: null, form, idNumber, [], window, submittedOn, submittedAt));
    }

    /// <summary>Close-out handed in a week after the seminar and accepted; certificates, outcomes and the party group done.</summary>
    private void CloseProject(Filing filing, List<RosterEntry> roster, DateOnly start, Actor organizer, Actor reviewer)
    {
        var end = start.AddDays(4);
        var planYear = _planYears[end.Year];
        var project = db.PlanProjects.Local.Single(p => p.Id == filing.PlanProjectId);
        Expect(CertificateIssuer.Assign(roster, filing, RosterRules.CertificatesOpenOn(filing.Dates!), planYear, project.ProjectNumber, 1, new HashSet<string>()));

        var outcomes = roster.Take(8)
            .Select(entry => Add(ResearchOutcome.Submit(project.Id, entry.Id, $"{entry.Name}的研修成果：数字化转型实践路径", "结合本单位实际，提出数字化转型的实施路径与保障措施。", null, At(end, 16))))
            .ToList();
        var cap = SeminarRules.MaxRecommendedOutcomes(roster.Count);
        for (var index = 0; index < cap; index++)
        {
            Expect(outcomes[index].Recommend(index, roster.Count));
        }

        Expect(outcomes[0].Select());
        Expect(outcomes[1].Select());

        var group = Add(PartyGroup.Start(project.Id));
        Expect(group.AddMember(GroupBody.ClassCommittee, roster[0].Name, "班长", roster[0].Id));
        Expect(group.AddMember(GroupBody.ClassCommittee, roster[1].Name, "学习委员", roster[1].Id));
        Expect(group.AddMember(GroupBody.PartyGroup, roster[2].Name, "党小组组长", roster[2].Id));
        Expect(group.AddActivity(start.AddDays(1), PartyActivityKind.PoliticalStudy, "集体学习习近平总书记关于人才工作的重要论述。", null, start.AddDays(1)));
        Expect(group.AddActivity(start.AddDays(2), PartyActivityKind.GroupDiscussion, "围绕数字化转型难点开展分组讨论。", null, start.AddDays(2)));
        Expect(group.AddActivity(start.AddDays(3), PartyActivityKind.ThemedPractice, "赴智能制造示范企业开展主题实践。", null, start.AddDays(3)));

        var closeOut = Add(CloseOut.Start(project.Id));
        Expect(closeOut.UpdateReport(new SelfEvaluationReport
        {
            BasicInformation = $"研修班于{ChineseDate.Format(start)}至{ChineseDate.Format(end)}举办，学员 {roster.Count} 人。",
            PerformanceGoals = "提升学员数字化转型的规划与实施能力。",
            OrganizationAnalysis = "按实施方案组织教学，专家授课与现场教学相结合。",
            ManagementAnalysis = "实行班委管理和考勤制度。",
            PartyBuildingAnalysis = "成立临时党小组，开展政治学习和主题实践。",
            GoalCompletionAnalysis = "各项绩效目标均已完成。",
            FollowUpPlan = "跟踪学员研修成果在本单位的转化应用。",
            ExperienceAndSuggestions = "建议增加企业现场教学比重。",
            EvaluationWork = "学员满意度问卷 32 份，满意率 100%。",
            MainOutcomes = $"形成研修成果 {outcomes.Count} 项，推荐 {cap} 项。",
        }));
        Expect(closeOut.UpdateAcceptance("王建国", "0531-86123456", "研修班按计划完成全部教学内容，学员反映良好，形成了一批可转化的研修成果。", Expect(Score.Create(92))));
        Expect(closeOut.SetApplicantScore(Expect(Score.Create(90))));
        var submittedOn = end.AddDays(7);
        Expect(closeOut.Submit(organizer, At(submittedOn, 9), submittedOn, end, roster.Count, _calendar));
        Expect(closeOut.Accept(reviewer, At(end.AddDays(12), 10), "验收合格。"));
    }

    private T Add<T>(Result<T> result)
        where T : class => Add(Expect(result));

    private T Add<T>(T entity)
        where T : class
    {
        db.Add(entity);
        return entity;
    }

    /// <summary>The first Monday from <paramref name="monday"/>, a week at a time in the given direction, whose five
    /// days are all working days: demo seminars never open or close on a holiday (National Day, Spring Festival).</summary>
    private DateOnly WorkingWeek(DateOnly monday, int direction)
    {
        var start = monday;
        while (Enumerable.Range(0, 5).Any(day => !_calendar.IsWorkingDay(start.AddDays(day))))
        {
            start = start.AddDays(7 * direction);
        }

        return start;
    }

    private static DateOnly MondayOnOrAfter(DateOnly date) => date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);

    private static DateTimeOffset At(DateOnly date, int hour) => new(date.ToDateTime(new TimeOnly(hour, 0)), PortalClock.ChinaOffset);

    // Demo data is fixed: a refusal means this file broke a rule, which must surface, not be skipped.
    private static T Expect<T>(Result<T> result) => result.IsSuccess ? result.Value : throw Refused(result);

    private static void Expect(Result result)
    {
        if (result.IsFailure)
        {
            throw Refused(result);
        }
    }

    private static InvalidOperationException Refused(Result result) =>
        new("Demo data broke a domain rule: " + string.Join("; ", result.Errors.Select(e => $"{e.Code} {e.Message}")));
}
