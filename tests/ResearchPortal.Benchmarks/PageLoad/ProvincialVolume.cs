using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.Demo;

namespace ResearchPortal.Benchmarks.PageLoad;

/// <summary>How much a province holds: projects over three plan years, one big roster, receipts (many on one queue).</summary>
public sealed record VolumeScale(int Projects, int RosterSize, int Receipts, int QueueReceipts)
{
    public static readonly VolumeScale Provincial = new(2_000, 500, 10_000, 6_000);
}

/// <summary>What the page benchmark signs in as and asks for.</summary>
public sealed record SeededVolume(string ReviewerEmail, string HostEmail, Guid QueueProjectId, Guid RosterProjectId);

/// <summary>
/// Provincial volume in bulk: every record is made by the domain's own methods (each step on the day it would have
/// happened, as <see cref="DemoDataSeeder"/> does), then stored with <c>AddRange</c> in large units of work.
/// Plan years 2024–2026 seen from <see cref="Today"/>: 2024 closed; 2025 closed, closing out (no, draft, submitted or
/// returned close-out), in session, enrollment open, filing draft/submitted/returned, planned; 2026 planned or draft.
/// The host organizer's unit hosts the big enrollment queue, the big roster and every tenth project.
/// </summary>
public sealed class ProvincialVolume
{
    public static readonly DateOnly Today = new(2025, 9, 3);

    public const string Password = "Bench@2026pages";
    public const string ReviewerEmail = "reviewer@bench.local";
    public const string HostEmail = "host@bench.local";

    private const int UnitOfWork = 2_000;

    private static readonly string[] Cities = ["济南", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安", "威海", "日照", "临沂", "德州", "聊城", "滨州", "菏泽"];
    private static readonly string[] Fields = ["农业", "卫生健康", "工业和信息化", "海洋科学", "教育", "生态环境", "文化旅游", "交通运输"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超"];
    private static readonly Actor Organizer = new("bench-organizer", "承办单位组织者");
    private static readonly Actor Reviewer = new("bench-reviewer", "审核员");

    private readonly WorkingDayCalendar _calendar = new(OfficialCalendars.All);
    private readonly Dictionary<int, PlanYear> _years = [];
    private readonly List<Organization> _units = [];
    private readonly List<object> _pending = [];
    private readonly List<Filing> _approved = [];
    private readonly Dictionary<Guid, PlanProject> _projects = [];
    private int _people;

    private ProvincialVolume()
    {
    }

    private enum Stage { Planned, Draft, Submitted, Returned, Approved, InSession, ClosingOut, Closed }

    public static async Task<SeededVolume> SeedAsync(IServiceProvider services, VolumeScale scale)
    {
        var volume = new ProvincialVolume();
        var host = await volume.AddUnitsAndAccountsAsync(services);
        var (queue, roster) = volume.AddProjects(scale, host);
        await volume.SaveAsync(services);

        volume.AddRoster(roster, scale.RosterSize);
        volume.AddReceipts(queue, scale.QueueReceipts, accepting: 150);
        var rest = scale.Receipts - scale.RosterSize - scale.QueueReceipts;
        var others = volume._approved.Where(f => f != queue && f != roster).ToList();
        for (var index = 0; index < rest; index += 30)
        {
            volume.AddReceipts(others[index / 30 % others.Count], Math.Min(30, rest - index), accepting: 20);
        }

        await volume.SaveAsync(services);
        return new SeededVolume(ReviewerEmail, HostEmail, queue.PlanProjectId, roster.PlanProjectId);
    }

    private async Task<Organization> AddUnitsAndAccountsAsync(IServiceProvider services)
    {
        foreach (var (city, index) in Cities.SelectMany(city => Enumerable.Range(1, 5).Select(n => (city, n))))
        {
            _units.Add(Expect(Organization.Create($"{city}市第{index}专业技术人员继续教育中心", city)));
        }

        foreach (var year in new[] { 2024, 2025, 2026 })
        {
            _years[year] = Expect(PlanYear.Create(year, new DateOnly(year, 12, 31), "SDGY{year}-{project}-{seq:4}"));
        }

        _pending.AddRange(_units);
        _pending.AddRange(_years.Values);
        await SaveAsync(services);

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await CreateAccountAsync(users, ReviewerEmail, "省级审核员", PortalRoles.Reviewer, organizationId: null);
        await CreateAccountAsync(users, HostEmail, "承办单位组织者", PortalRoles.Organizer, _units[0].Id);
        return _units[0];
    }

    private static async Task CreateAccountAsync(UserManager<PortalUser> users, string email, string name, string role, Guid? organizationId)
    {
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganizationId = organizationId };
        Succeeded(await users.CreateAsync(user, Password));
        Succeeded(await users.AddToRoleAsync(user, role));
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>35 % in 2024, 50 % in 2025, 15 % in 2026; returns the big queue's and the big roster's filings.</summary>
    private (Filing Queue, Filing Roster) AddProjects(VolumeScale scale, Organization host)
    {
        Stage[] stages2025 = [Stage.Closed, Stage.Closed, Stage.ClosingOut, Stage.InSession, Stage.Approved, Stage.Approved, Stage.Draft, Stage.Submitted, Stage.Returned, Stage.Planned];
        var in2024 = scale.Projects * 35 / 100;
        var in2026 = scale.Projects * 15 / 100;
        for (var index = 0; index < scale.Projects - 2; index++)
        {
            var (year, stage) = index < in2024 ? (2024, Stage.Closed)
                : index >= scale.Projects - 2 - in2026 ? (2026, index % 3 == 0 ? Stage.Draft : Stage.Planned)
                : (2025, stages2025[index % stages2025.Length]);
            AddProject(index, year, stage, index % 10 == 0 ? host : null);
        }

        var queue = AddProject(scale.Projects - 2, 2025, Stage.Approved, host, plannedTrainees: 200)!;
        var roster = AddProject(scale.Projects - 1, 2025, Stage.ClosingOut, host, plannedTrainees: scale.RosterSize)!;
        return (queue, roster);
    }

    private Filing? AddProject(int index, int year, Stage stage, Organization? host, int plannedTrainees = 40)
    {
        var applicant = _units[(index * 7 + 3) % _units.Count];
        host ??= _units[(index * 11 + 1) % _units.Count];
        var project = Expect(PlanProject.Create(
            year, $"{year}-{index + 1:D4}", $"{Fields[index % Fields.Length]}领域第{index + 1}期高级研修班", Fields[index % Fields.Length], applicant.Id, host.Id));
        _pending.Add(project);
        _projects[project.Id] = project;
        if (stage == Stage.Planned)
        {
            return null;
        }

        var start = StartFor(index, year, stage);
        var filing = Filing.Start(project.Id);
        _pending.Add(filing);
        Expect(filing.UpdateDetails(new FilingDetails(
            $"{host.City}市培训中心", start, start.AddDays(4), "王建国", "0531-86123456", "13805310000", plannedTrainees,
            [new("陈立新", "教授", "新时代人才工作的新要求", 6m), new("李晓梅", "研究员", "前沿技术与产业应用", 6m),
             new("赵国栋", "正高级工程师", "典型案例现场教学", 6m), new("孙慧", "教授", "研修成果交流与研讨", 6m)])));
        if (stage == Stage.Draft)
        {
            return filing;
        }

        // Filed four weeks ahead, and at least three weeks before today so receipts follow the approval.
        var submittedOn = Min(start.AddDays(-28), Today.AddDays(-25));
        Expect(filing.AttachImplementationPlan(AttachmentInfo.For(AddFile("研修项目实施方案.txt", submittedOn))));
        Expect(filing.AttachNotice(AttachmentInfo.For(AddFile("研修项目举办通知.txt", submittedOn))));
        Expect(filing.SetAttestation(true));
        Expect(filing.Submit(Organizer, At(submittedOn, 9), submittedOn, _years[year], _calendar));
        switch (stage)
        {
            case Stage.Submitted:
                return filing;
            case Stage.Returned:
                Expect(filing.Return(Reviewer, At(submittedOn, 15), "专家授课安排缺少授课专家的职称，请补充后重新提交。"));
                return filing;
        }

        Expect(filing.Approve(Reviewer, At(submittedOn.AddDays(1), 10), "同意备案。"));
        _approved.Add(filing);
        if (stage == Stage.ClosingOut)
        {
            AddCloseOut(filing, closeOutStage: index / 10 % 4); // stages repeat every 10 projects
        }
        else if (stage == Stage.Closed)
        {
            AddCloseOut(filing, closeOutStage: 4);
        }

        return filing;
    }

    /// <summary>Seminars Monday to Friday: closed ones in the spring and summer, closing out in August, one week in
    /// session around <see cref="Today"/>, the rest after it.</summary>
    private static DateOnly StartFor(int index, int year, Stage stage)
    {
        var week = stage switch
        {
            Stage.Closed when year == 2024 => 10 + (index % 35),
            Stage.Closed => 10 + (index % 19),
            Stage.ClosingOut => 30 + (index / 10 % 4),
            Stage.InSession => 34,
            _ when year == 2026 => 10 + (index % 40),
            _ => 39 + (index % 11),
        };
        var date = new DateOnly(year, 1, 1).AddDays(7 * week);
        return date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);
    }

    /// <param name="closeOutStage">0 none, 1 draft, 2 submitted, 3 returned, 4 accepted (closed).</param>
    private void AddCloseOut(Filing filing, int closeOutStage)
    {
        if (closeOutStage == 0)
        {
            return;
        }

        var end = filing.EndDate!.Value;
        var closeOut = CloseOut.Start(filing.PlanProjectId);
        _pending.Add(closeOut);
        Expect(closeOut.UpdateReport(new SelfEvaluationReport
        {
            BasicInformation = "研修班按计划举办，学员 40 人。",
            PerformanceGoals = "提升学员专业能力。",
            OrganizationAnalysis = "专家授课与现场教学相结合。",
            ManagementAnalysis = "实行班委管理和考勤制度。",
            PartyBuildingAnalysis = "成立临时党小组，开展政治学习。",
            GoalCompletionAnalysis = "各项绩效目标均已完成。",
            FollowUpPlan = "跟踪学员研修成果转化。",
            ExperienceAndSuggestions = "建议增加现场教学比重。",
            EvaluationWork = "学员满意度问卷 40 份。",
            MainOutcomes = "形成研修成果 8 项。",
        }));
        if (closeOutStage == 1)
        {
            return;
        }

        Expect(closeOut.UpdateAcceptance("王建国", "0531-86123456", "研修班按计划完成全部教学内容，学员反映良好。", Expect(Score.Create(88))));
        Expect(closeOut.SetApplicantScore(Expect(Score.Create(90))));
        var submittedOn = Min(end.AddDays(7), Today);
        Expect(closeOut.Submit(Organizer, At(submittedOn, 9), submittedOn, end, 40, _calendar));
        if (closeOutStage == 3)
        {
            Expect(closeOut.Return(Reviewer, At(submittedOn, 16), "自评报告缺少绩效目标完成情况的数据，请补充。"));
        }
        else if (closeOutStage == 4)
        {
            Expect(closeOut.Accept(Reviewer, At(end.AddDays(12), 10), "验收合格。"));
        }
    }

    /// <summary>The held seminar's roster: every receipt accepted, results recorded, passed trainees numbered.</summary>
    private void AddRoster(Filing filing, int size)
    {
        var receipts = AddReceipts(filing, size, accepting: size);
        var end = filing.EndDate!.Value;
        var entries = receipts.Select((receipt, index) => Expect(RosterEntry.FromReceipt(receipt, index + 1))).ToList();
        foreach (var entry in entries)
        {
            var passed = entry.Sequence % 15 != 0;
            Expect(entry.RecordResult(passed ? filing.TotalHours : filing.TotalHours - 12m, passed, filing, end));
        }

        var project = _projects[filing.PlanProjectId];
        Expect(CertificateIssuer.Assign(entries, filing, RosterRules.CertificatesOpenOn(filing.Dates!), _years[project.Year], project.ProjectNumber, 1, new HashSet<string>()));
        _pending.AddRange(entries);
    }

    /// <summary>Receipts submitted the days after approval; the first <paramref name="accepting"/> accepted, one in ten
    /// of the rest declined, the others waiting.</summary>
    private List<EnrollmentReceipt> AddReceipts(Filing filing, int count, int accepting)
    {
        var window = EnrollmentWindow.For(filing);
        var approvedOn = DateOnly.FromDateTime(filing.ApprovedAt!.Value.DateTime);
        var lastDay = Min(filing.StartDate!.Value.AddDays(-1), Today.AddDays(-1));
        var receipts = new List<EnrollmentReceipt>(count);
        for (var index = 0; index < count; index++)
        {
            var person = ++_people;
            var gender = person % 2 == 0 ? Gender.Female : Gender.Male;
            var submittedOn = Min(approvedOn.AddDays(1 + (index % 20)), lastDay);
            var form = new EnrollmentForm
            {
                UnitName = _units[person % _units.Count].Name,
                Name = Surnames[person % Surnames.Length] + GivenNames[person * 7 % GivenNames.Length] + GivenNames[person / 7 % GivenNames.Length],
                Gender = gender,
                Ethnicity = "汉族",
                PoliticalStatus = person % 3 == 0 ? "群众" : "中共党员",
                Position = "科长",
                ProfessionalTitle = person % 2 == 0 ? "高级工程师" : "副研究员",
                Mobile = $"138{person:D8}",
                Email = $"trainee{person}@example.com",
                WorkUnit = _units[person % _units.Count].Name,
                MailingAddress = "济南市历城区工业北路 202 号",
                Postcode = "250100",
            };
            var idNumber = ChineseIdNumbers.Create(new DateOnly(1962, 1, 1).AddDays(person), person, gender);
            var receipt = Expect(EnrollmentReceipt.Submit(
                filing.PlanProjectId, null, accountIdNumber: null, form, idNumber, [], window, submittedOn, At(submittedOn, 14)));
            if (index < accepting)
            {
                Expect(receipt.Accept(Organizer, At(submittedOn.AddDays(1), 10)));
            }
            else if (index % 10 == 0)
            {
                Expect(receipt.Decline(Organizer, At(submittedOn.AddDays(1), 10), "名额已满。"));
            }

            receipts.Add(receipt);
        }

        _pending.AddRange(receipts);
        return receipts;
    }

    private StoredFile AddFile(string fileName, DateOnly uploadedOn)
    {
        var file = Expect(StoredFile.Create(fileName, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(Path.GetFileNameWithoutExtension(fileName)), At(uploadedOn, 8)));
        _pending.Add(file);
        return file;
    }

    /// <summary>Stores what is pending in units of work of <see cref="UnitOfWork"/> records, each a fresh context,
    /// principals before the records that refer to them.</summary>
    private async Task SaveAsync(IServiceProvider services)
    {
        Type[] order = [typeof(Organization), typeof(PlanYear), typeof(PlanProject), typeof(StoredFile), typeof(Filing), typeof(CloseOut), typeof(EnrollmentReceipt), typeof(RosterEntry)];
        foreach (var chunk in _pending.OrderBy(entity => Array.IndexOf(order, entity.GetType())).Chunk(UnitOfWork))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(chunk);
            await db.SaveChangesAsync();
        }

        _pending.Clear();
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateTimeOffset At(DateOnly date, int hour) => new(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

    private static T Expect<T>(Result<T> result) => result.IsSuccess ? result.Value : throw Refused(result);

    private static void Expect(Result result)
    {
        if (result.IsFailure)
        {
            throw Refused(result);
        }
    }

    private static InvalidOperationException Refused(Result result) =>
        new("Benchmark data broke a domain rule: " + string.Join("; ", result.Errors.Select(e => $"{e.Code} {e.Message}")));
}
