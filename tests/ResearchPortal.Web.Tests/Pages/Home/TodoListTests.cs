using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Pages.Review;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Home;

/// <summary>
/// The 待办 list on the home page: each role sees what waits for it, with the working days left, each item linking to
/// the page where it is done. The seminar runs 15–19 September 2025; its latest filing date is 1 September and its
/// close-out is due 16 October.
/// </summary>
public sealed class TodoListTests
{
    private static int _serial = 8000;

    [Fact]
    public async Task The_reviewer_sees_filings_and_close_outs_awaiting_review_oldest_first()
    {
        await using var app = await StartAsync(Today);
        var newer = await ReviewData.SaveSubmittedFilingAsync(app);
        var older = await ReviewData.SaveProjectAsync(app, (project, year) =>
        {
            var filing = CompleteDraftFiling(project, File(), File());
            Ok(filing.Submit(Organizer, Now.AddDays(-7), Today, year, Calendar));
            return filing;
        });
        var closeOut = await ReviewData.SaveSubmittedCloseOutAsync(app);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        var html = await HomeAsync(reviewer);

        var filings = Group(html, "待审核的备案");
        Assert.Contains(">2<", filings); // the count
        Assert.True(
            filings.IndexOf($"href=\"/Review/Filing?projectId={older.Id}\"", StringComparison.Ordinal)
            < filings.IndexOf($"href=\"/Review/Filing?projectId={newer.Id}\"", StringComparison.Ordinal),
            "The filing submitted first is listed first.");
        Assert.Contains($"提交于 2025年5月26日，已等待 {WorkingDays(new DateOnly(2025, 5, 26), Today)} 个工作日", filings);
        Assert.Contains($"开班 2025年9月15日（还有 {WorkingDays(Today, SeminarStart)} 个工作日）", filings);
        var closeOuts = Group(html, "待审核的结业材料");
        Assert.Contains($"href=\"/Review/CloseOut?projectId={closeOut.Id}\"", closeOuts);
        Assert.Contains($"{closeOut.ProjectNumber}《{closeOut.Name}》", closeOuts);
    }

    [Fact]
    public async Task The_host_organizer_sees_filings_to_make_returned_filings_and_receipts_waiting()
    {
        await using var app = await StartAsync(Today);
        var (host, applicant) = (Organization(city: "济南"), Organization(city: "青岛"));
        var planned = await SaveAsync(app, host, applicant);
        var draft = await SaveAsync(app, host, applicant, (project, _) => [CompleteDraftFiling(project, File(), File())]);
        var returned = await SaveAsync(app, host, applicant, (project, year) =>
        {
            var filing = SubmittedFiling(project, year, File(), File());
            Ok(filing.Return(Reviewer, Now, "请补充授课专家"));
            return [filing];
        });
        var enrolling = await SaveAsync(app, host, applicant, (project, year) =>
        {
            var filing = ApprovedFiling(project, year, File(), File());
            return [filing, Receipt(filing, NextId(), "甲学员"), Receipt(filing, NextId(), "乙学员")];
        });
        var elsewhere = await SaveAsync(app, Organization(), applicant, (project, year) =>
        {
            var filing = ApprovedFiling(project, year, File(), File());
            return [filing, Receipt(filing, NextId(), "丙学员")];
        });
        using var organizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, host.Id));

        var html = await HomeAsync(organizer);

        var toFile = Group(html, "待填报的备案");
        Assert.Contains($"href=\"/Filings/Edit?projectId={planned.Id}\"", toFile);
        Assert.Contains("尚未填写举办日期", toFile);
        Assert.Contains($"href=\"/Filings/Edit?projectId={draft.Id}\"", toFile);
        Assert.Contains($"备案截止 2025年9月1日（还有 {WorkingDays(Today, new DateOnly(2025, 9, 1))} 个工作日）", toFile);
        var sentBack = Group(html, "被退回的备案");
        Assert.Contains($"href=\"/Filings/Edit?projectId={returned.Id}\"", sentBack);
        Assert.Contains("备案截止 2025年9月1日", sentBack);
        var receipts = Group(html, "待处理的报名回执");
        Assert.Contains($"href=\"/Enrollments/Queue?projectId={enrolling.Id}\"", receipts);
        Assert.Contains("2 份回执待录取，最早提交于 2025年6月2日", receipts);
        Assert.Contains($"开班 2025年9月15日（还有 {WorkingDays(Today, SeminarStart)} 个工作日）", receipts);
        Assert.DoesNotContain(elsewhere.Id.ToString(), html);
        Assert.DoesNotContain("待报送的结业材料", html);
    }

    [Fact]
    public async Task Close_outs_overdue_wait_for_the_host_and_the_missing_score_for_the_applicant_unit()
    {
        await using var app = await StartAsync(new DateOnly(2025, 10, 20)); // two working days after the due date
        var (unit, partner) = (Organization(city: "济南"), Organization(city: "青岛"));
        var owed = await SaveAsync(app, unit, partner, (project, year) => [ApprovedFiling(project, year, File(), File())]);
        var sentBack = await SaveAsync(app, unit, partner, (project, year) =>
        {
            var closeOut = CompleteCloseOut(project.Id);
            Ok(closeOut.Submit(Organizer, Now, AfterSeminar, SeminarEnd, rosterSize: 32, Calendar));
            Ok(closeOut.Return(Reviewer, Now, "验收表缺少签章"));
            return [ApprovedFiling(project, year, File(), File()), closeOut];
        });
        var toScore = await SaveAsync(app, partner, unit, (project, year) => [ApprovedFiling(project, year, File(), File())]);
        var scored = await SaveAsync(app, partner, unit, (project, year) =>
        {
            var closeOut = CloseOut.Start(project.Id);
            Ok(closeOut.SetApplicantScore(Ok(Score.Create(90))));
            return [ApprovedFiling(project, year, File(), File()), closeOut];
        });
        using var organizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, unit.Id));

        var html = await HomeAsync(organizer);

        var due = Group(html, "待报送的结业材料");
        Assert.Contains($"href=\"/CloseOuts/Edit?projectId={owed.Id}\"", due);
        Assert.Contains("结业材料逾期 2 个工作日", due);
        Assert.Contains($"href=\"/CloseOuts/Edit?projectId={sentBack.Id}\"", Group(html, "被退回的结业材料"));
        var scores = Group(html, "待填写的验收评分");
        Assert.Contains($"href=\"/CloseOuts/ApplicantScore?projectId={toScore.Id}\"", scores);
        Assert.Contains("结业材料逾期 2 个工作日", scores);
        Assert.DoesNotContain(scored.Id.ToString(), html);
    }

    [Fact]
    public async Task The_trainee_sees_the_seminar_coming_up_and_a_recent_answer()
    {
        await using var app = await StartAsync(Today);
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee);
        var (host, applicant) = (Organization(city: "济南"), Organization(city: "青岛"));
        var accepted = await SaveAsync(app, host, applicant, (project, year) =>
        {
            var filing = ApprovedFiling(project, year, File(), File());
            var receipt = Receipt(filing, NextId(), traineeUserId: trainee.Id);
            Ok(receipt.Accept(Organizer, Now));
            return [filing, receipt];
        });
        var declined = await SaveAsync(app, host, applicant, (project, year) =>
        {
            var filing = ApprovedFiling(project, year, File(), File());
            var receipt = Receipt(filing, NextId(), traineeUserId: trainee.Id);
            Ok(receipt.Decline(Organizer, Now, "名额已满"));
            return [filing, receipt];
        });
        using var client = await app.LoginAsync(trainee);

        var html = await HomeAsync(client);

        var upcoming = Group(html, "即将开班的研修班");
        Assert.Contains($"{accepted.ProjectNumber}《{accepted.Name}》", upcoming);
        Assert.Contains("href=\"/Enrollments/Mine\"", upcoming);
        Assert.Contains("已录取 · 2025年9月15日至2025年9月19日 · 济南市历下区培训中心", upcoming);
        Assert.Contains($"开班 2025年9月15日（还有 {WorkingDays(Today, SeminarStart)} 个工作日）", upcoming);
        var answers = Group(html, "近期报名结果");
        Assert.Contains($"{declined.ProjectNumber}《{declined.Name}》", answers);
        Assert.Contains("未录取（2025年6月2日）", answers);
        Assert.DoesNotContain(accepted.ProjectNumber, answers);
    }

    [Fact]
    public async Task The_trainee_on_a_roster_is_asked_for_a_research_outcome()
    {
        await using var app = await StartAsync(AfterSeminar);
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee);
        var graph = await RosterGraph.SaveAsync(app, 1, trainee.Id);
        using var client = await app.LoginAsync(trainee);

        var outcomes = Group(await HomeAsync(client), "待提交的研修成果");

        Assert.Contains($"href=\"/Outcomes/Submit?projectId={graph.Project.Id}\"", outcomes);
        Assert.Contains($"结业材料截止 2025年10月16日（还有 {WorkingDays(AfterSeminar, new DateOnly(2025, 10, 16))} 个工作日）", outcomes);
    }

    [Fact]
    public async Task Visitors_see_no_todo_list_and_a_user_with_nothing_waiting_is_told_so()
    {
        await using var app = await StartAsync(Today);
        using var trainee = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Trainee));
        using var visitor = app.Anonymous();

        Assert.DoesNotContain("待办", PageText.Of(await visitor.GetPageAsync("/")));
        Assert.Contains("目前没有待办事项。", await HomeAsync(trainee));
    }

    private static async Task<PortalApp> StartAsync(DateOnly today)
    {
        var app = new PortalApp { Today = today };
        await app.InitializeAsync();
        return app;
    }

    /// <summary>A project of these units in the current plan year, with the records <paramref name="records"/> makes.</summary>
    private static async Task<PlanProject> SaveAsync(
        PortalApp app, Organization host, Organization applicant, Func<PlanProject, PlanYear, object[]>? records = null)
    {
        await using var db = app.NewContext();
        var year = await db.PlanYears.FindAsync(Today.Year) ?? db.PlanYears.Add(PlanYear(Today.Year)).Entity;
        foreach (var unit in new[] { host, applicant })
        {
            if (await db.Organizations.FindAsync(unit.Id) is null)
            {
                db.Organizations.Add(unit);
            }
        }

        var project = PlanProject(applicant, host, year.Year);
        db.Add(project);
        db.AddRange(records?.Invoke(project, year) ?? []);
        await db.SaveChangesAsync();
        return project;
    }

    private static async Task<string> HomeAsync(PortalClient client) => PageText.Of(await client.GetPageAsync("/"));

    /// <summary>The card under one 待办 heading.</summary>
    private static string Group(string html, string heading)
    {
        var start = html.IndexOf($">{heading} <span", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No 待办 heading {heading}.");
        var end = html.IndexOf("card-header", start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.IndexOf("</section>", start, StringComparison.Ordinal) : end)];
    }

    private static int WorkingDays(DateOnly after, DateOnly upTo) => Calendar.WorkingDaysBetween(after, upTo).Count;

    private static IdNumber NextId() => IdNumber(Interlocked.Increment(ref _serial));
}
