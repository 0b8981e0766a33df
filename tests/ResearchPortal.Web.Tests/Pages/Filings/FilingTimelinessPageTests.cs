using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Mail;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Pages.Filings.FilingScenario;

namespace ResearchPortal.Web.Tests.Pages.Filings;

/// <summary>Issue 13 on the pages: first-submission timeliness, the resubmission deadline, the reviewer's
/// late-submission allowance, provisional refusals and holiday warnings. Today is 2025-06-02.</summary>
[Collection(PortalCollections.Projects)]
public sealed class FilingTimelinessPageTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    // Start 2025-06-16: the latest filing date is 2025-05-30 (2025-06-02 is 端午节), already past today.
    private static readonly DateOnly Start = new(2025, 6, 16);
    private static readonly DateOnly LatestFilingDate = FilingDeadlines.LatestFilingDate(Start, TestData.Calendar).Date;

    [Fact]
    public async Task A_filing_returned_after_its_deadline_is_resubmitted_on_its_first_submission_and_the_reviewer_sees_it()
    {
        Assert.Equal(new DateOnly(2025, 5, 30), LatestFilingDate);
        var scenario = await ReturnedAsync(resubmitBy: null);
        using var organizer = await scenario.LoginHostAsync(app);
        var form = Text(await organizer.GetPageAsync(scenario.EditUrl));
        Assert.Contains("首次提交于2025年5月30日：重新提交时仍按首次提交的日期判断是否按期备案。", form);

        var response = await organizer.PostMultipartAsync(
            scenario.EditUrl + "&handler=Submit", CompleteFields(TokenOf(form), Start, Start.AddDays(2)), [], scenario.EditUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var review = Text(await reviewer.GetPageAsync($"/Review/Filing?projectId={scenario.Project.Id}"));
        Assert.Contains("首次提交 2025年5月30日，按期（最晚备案日期2025年5月30日）", review);
    }

    [Fact]
    public async Task Returning_with_a_resubmission_deadline_tells_the_organizer_on_the_form_by_mail_and_in_the_audit()
    {
        var project = await Review.ReviewData.SaveSubmittedFilingAsync(app);
        var organizer = await app.CreateUserAsync(PortalRoles.Organizer, project.HostOrganizationId);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var url = $"/Review/Filing?projectId={project.Id}";
        Assert.Contains("重新提交期限（退回时可选）", Text(await reviewer.GetPageAsync(url)));

        var response = await reviewer.PostFormAsync(url + "&handler=Return", new()
        {
            ["Input.Comment"] = "请补充授课专家职称。",
            ["Input.ResubmitBy"] = "2025-06-20",
            ["Input.ConcurrencyToken"] = await Review.ReviewData.ConcurrencyTokenAsync(reviewer, url),
        }, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2025, 6, 20), (await Review.ReviewData.FilingAsync(app, project.Id)).ResubmitBy);
        using var host = await app.LoginAsync(organizer);
        Assert.Contains("请于2025年6月20日前修改并重新提交。", Text(await host.GetPageAsync($"/Filings/Edit?projectId={project.Id}")));
        Assert.Contains(MailBox.To(app, organizer.Email!), mail => mail.Body.Contains("请修改后于2025年6月20日前重新提交。", StringComparison.Ordinal));
        await using var db = app.NewContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.PlanProjectId == project.Id && e.Action == AuditActions.FilingReturned);
        Assert.Equal("请补充授课专家职称。（重新提交期限：2025年6月20日）", entry.Details);
    }

    [Fact]
    public async Task A_close_out_returned_with_a_resubmission_deadline_keeps_its_first_submission_on_the_reviewers_page()
    {
        var project = await Review.ReviewData.SaveSubmittedCloseOutAsync(app);
        var organizer = await app.CreateUserAsync(PortalRoles.Organizer, project.HostOrganizationId);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var url = $"/Review/CloseOut?projectId={project.Id}";
        Assert.Contains("首次提交 2025年6月2日，按期", Text(await reviewer.GetPageAsync(url)));

        var response = await reviewer.PostFormAsync(url + "&handler=Return", new()
        {
            ["Input.Comment"] = "请补充党建情况。",
            ["Input.ResubmitBy"] = "2025-06-20",
            ["Input.ConcurrencyToken"] = await Review.ReviewData.ConcurrencyTokenAsync(reviewer, url),
        }, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewContext();
        Assert.Equal(new DateOnly(2025, 6, 20), (await db.CloseOuts.SingleAsync(c => c.PlanProjectId == project.Id)).ResubmitBy);
        Assert.Contains(MailBox.To(app, organizer.Email!), mail => mail.Body.Contains("请修改后于2025年6月20日前重新提交。", StringComparison.Ordinal));
        using var host = await app.LoginAsync(organizer);
        Assert.Contains("请于2025年6月20日前修改并重新提交；逾期仍可提交，审核时将注明。", Text(await host.GetPageAsync($"/CloseOuts/Edit?projectId={project.Id}")));
    }

    [Fact]
    public async Task A_resubmission_deadline_before_today_is_refused_next_to_its_field()
    {
        var project = await Review.ReviewData.SaveSubmittedFilingAsync(app);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var url = $"/Review/Filing?projectId={project.Id}";

        var response = await reviewer.PostFormAsync(url + "&handler=Return", new()
        {
            ["Input.Comment"] = "请补充。",
            ["Input.ResubmitBy"] = "2025-06-01",
            ["Input.ConcurrencyToken"] = await Review.ReviewData.ConcurrencyTokenAsync(reviewer, url),
        }, formPage: url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("重新提交期限不能早于今天。", Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(FilingStatus.Submitted, (await Review.ReviewData.FilingAsync(app, project.Id)).Status);
    }

    [Fact]
    public async Task Past_the_resubmission_deadline_the_organizer_is_refused_until_a_reviewer_allows_it()
    {
        var scenario = await ReturnedAsync(resubmitBy: LatestFilingDate);
        var organizerUser = await app.CreateUserAsync(PortalRoles.Organizer, scenario.Host.Id, "王组织");
        using var organizer = await app.LoginAsync(organizerUser);
        var form = Text(await organizer.GetPageAsync(scenario.EditUrl));

        var refused = await organizer.PostMultipartAsync(
            scenario.EditUrl + "&handler=Submit", CompleteFields(TokenOf(form), Start, Start.AddDays(2)), [], scenario.EditUrl);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            "首次提交（2025年5月30日）按期，但退回时要求于2025年5月30日前重新提交，已超过。如确需提交，请联系省人社厅专技处审核员准予逾期提交。",
            Text(await refused.Content.ReadAsStringAsync()));

        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer, displayName: "李审核"));
        Assert.Contains("准予逾期提交备案", Text(await reviewer.GetPageAsync($"/Projects/Details?id={scenario.Project.Id}")));
        var url = $"/Review/Filing?projectId={scenario.Project.Id}";
        var token = await Review.ReviewData.ConcurrencyTokenAsync(reviewer, url);
        var withoutReason = await reviewer.PostFormAsync(
            url + "&handler=AllowLate", new() { ["AllowanceReason"] = " ", ["Input.ConcurrencyToken"] = token }, formPage: url);
        Assert.Contains("请填写准予逾期提交的理由。", Text(await withoutReason.Content.ReadAsStringAsync()));

        var allowed = await reviewer.PostFormAsync(
            url + "&handler=AllowLate", new() { ["AllowanceReason"] = "承办单位已书面说明延误原因", ["Input.ConcurrencyToken"] = token }, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        await using (var db = app.NewContext())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.PlanProjectId == scenario.Project.Id && e.Action == AuditActions.FilingLateSubmissionAllowed);
            Assert.Equal(("李审核", "承办单位已书面说明延误原因"), (entry.UserName, entry.Details));
        }

        Assert.Contains(MailBox.To(app, organizerUser.Email!), mail => mail.Subject.StartsWith("【准予逾期备案】", StringComparison.Ordinal));
        form = Text(await organizer.GetPageAsync(scenario.EditUrl));
        Assert.Contains("李审核 已于", form);
        var submitted = await organizer.PostMultipartAsync(
            scenario.EditUrl + "&handler=Submit", CompleteFields(TokenOf(form), Start, Start.AddDays(2)), [], scenario.EditUrl);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(FilingStatus.Submitted, (await Review.ReviewData.FilingAsync(app, scenario.Project.Id)).Status);
    }

    [Fact]
    public async Task A_start_on_a_holiday_is_warned_about_when_saving_and_submitting_and_on_the_reviewers_page()
    {
        const string warning = "开班日期2025年10月8日是国庆节、中秋节假期，不是工作日，请确认办班时间。";
        var scenario = await CreateAsync(app);
        using var organizer = await scenario.LoginHostAsync(app);
        var holidayStart = new DateOnly(2025, 10, 8);

        var saved = await organizer.PostMultipartAsync(
            scenario.EditUrl + "&handler=Save", CompleteFields(start: holidayStart, end: holidayStart.AddDays(2)), BothAttachments(), scenario.EditUrl);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var form = Text(await organizer.GetPageAsync(scenario.EditUrl));
        Assert.Contains(warning, form);

        var submitted = await organizer.PostMultipartAsync(
            scenario.EditUrl + "&handler=Submit", CompleteFields(TokenOf(form), holidayStart, holidayStart.AddDays(2)), [], scenario.EditUrl);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains(warning, Text(await organizer.GetPageAsync(submitted.Headers.Location!.OriginalString)));

        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        Assert.Contains(warning, Text(await reviewer.GetPageAsync($"/Review/Filing?projectId={scenario.Project.Id}")));
    }

    [Fact]
    public async Task A_calendar_year_counts_as_published_only_once_a_reviewer_marks_it()
    {
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var created = await reviewer.PostFormAsync("/Admin/Calendar?handler=CreateYear", new()
        {
            ["NewYear.Year"] = "2030",
            ["NewYear.Notice"] = "国办发明电〔2029〕1号",
        }, formPage: "/Admin/Calendar");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        const string page = "/Admin/Calendar?year=2030";
        Assert.Contains("标记为已公布", Text(await reviewer.GetPageAsync(page)));

        var empty = await reviewer.PostFormAsync(page + "&handler=Publish", [], formPage: page);
        Assert.Contains("2030 年尚未录入放假日期，请先按通知录入后再标记为已公布。", Text(await empty.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(page + "&handler=AddHolidays", new()
        {
            ["Holiday.From"] = "2030-01-01",
            ["Holiday.To"] = "2030-01-01",
            ["Holiday.Name"] = "元旦",
        }, formPage: page)).StatusCode);

        var published = await reviewer.PostFormAsync(page + "&handler=Publish", [], formPage: page);

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("id=\"calendar-published\"", await reviewer.GetPageAsync(page));
        await using var db = app.NewContext();
        Assert.True((await db.HolidayCalendarYears.SingleAsync(y => y.Year == 2030)).IsPublished);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.CalendarYearPublished));
    }

    /// <summary>A complete filing for <see cref="Start"/>, first submitted on its last allowed day and returned then.</summary>
    private Task<FilingScenario> ReturnedAsync(DateOnly? resubmitBy) => CreateAsync(app, (db, project) =>
    {
        var filing = CompleteDraft(db, project);
        TestData.Ok(filing.UpdateDetails(new FilingDetails(
            filing.Venue, Start, Start.AddDays(2), filing.ContactPerson, filing.OfficePhone, filing.Mobile, filing.PlannedTraineeCount, [.. filing.ExpertSessions])));
        var submittedAt = new DateTimeOffset(LatestFilingDate.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
        TestData.Ok(filing.Submit(TestData.Organizer, submittedAt, LatestFilingDate, TestData.PlanYear(), TestData.Calendar));
        TestData.Ok(filing.Return(TestData.Reviewer, submittedAt.AddHours(6), "请补充专家职称", resubmitBy));
        return filing;
    });
}

/// <summary>A provisional refusal on a day when the next year's holidays are not yet published (today 2026-12-29).</summary>
public sealed class ProvisionalRefusalPageTests : IAsyncLifetime
{
    private readonly PortalApp _app = new() { Today = new DateOnly(2026, 12, 29) };

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_provisional_refusal_names_the_unpublished_year_and_a_reviewer_can_waive_it()
    {
        // Start 2027-01-11: ten working days back, with 1 January a holiday, is 2026-12-25.
        var start = new DateOnly(2027, 1, 11);
        FilingScenario scenario;
        await using (var db = _app.NewContext())
        {
            var (applicant, host) = (TestData.Organization(city: "青岛"), TestData.Organization());
            var project = TestData.PlanProject(applicant, host, year: 2027);
            db.AddRange(TestData.PlanYear(2027), applicant, host, project);
            db.Add(CompleteDraft(db, project));
            await db.SaveChangesAsync();
            scenario = new FilingScenario(applicant, host, project);
        }

        using var organizer = await scenario.LoginHostAsync(_app);
        var form = Text(await organizer.GetPageAsync(scenario.EditUrl));
        var refused = await organizer.PostMultipartAsync(
            scenario.EditUrl + "&handler=Submit", CompleteFields(TokenOf(form), start, start.AddDays(2)), [], scenario.EditUrl);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains(
            "最晚备案日期为2026年12月25日（暂定：2027年节假日安排尚未公布，按周一至周五计算，元旦、劳动节、国庆节当天按放假计），已超过。如确需提交，请联系省人社厅专技处审核员准予逾期提交。",
            refusedHtml);

        using var reviewer = await _app.LoginAsync(await _app.CreateUserAsync(PortalRoles.Reviewer, displayName: "张审核"));
        var url = $"/Review/Filing?projectId={scenario.Project.Id}";
        var allowed = await reviewer.PostFormAsync(url + "&handler=AllowLate", new()
        {
            ["AllowanceReason"] = "节假日安排公布前已按原计划发出举办通知",
            ["Input.ConcurrencyToken"] = await Review.ReviewData.ConcurrencyTokenAsync(reviewer, url),
        }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);

        form = Text(await organizer.GetPageAsync(scenario.EditUrl));
        var submitted = await organizer.PostMultipartAsync(
            scenario.EditUrl + "&handler=Submit", CompleteFields(TokenOf(form), start, start.AddDays(2)), [], scenario.EditUrl);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var review = Text(await reviewer.GetPageAsync(url));
        Assert.Contains("首次提交 2026年12月29日，逾期（最晚备案日期2026年12月25日（暂定：2027年节假日安排尚未公布", review);
        Assert.Contains("张审核于2026年12月29日", review);
    }
}
