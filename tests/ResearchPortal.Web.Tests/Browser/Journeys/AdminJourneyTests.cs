using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;
using ResearchPortal.Web.Tests.Builders;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ResearchPortal.Web.Tests.Browser.Journeys.Ui;

namespace ResearchPortal.Web.Tests.Browser.Journeys;

/// <summary>The reviewer's desk: the demo filings in review, and every 管理 page with one cheap action where there is one.</summary>
[Collection(DemoPortalCollection.Name)]
public sealed class AdminJourneyTests(DemoPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Demo_filings_move_on_reviewer_approves_the_submitted_one_host_resubmits_the_returned_one_and_saves_the_draft()
    {
        const string venue = "烟台市芝罘区卫生健康培训中心二楼";
        await using var journey = portal.StartJourney("filing-demo-states");
        var reviewer = await portal.PageAsAsync(journey, DemoRole.Reviewer);
        var host = await portal.PageAsAsync(journey, DemoRole.Host);
        await journey.RunAsync(output, async () =>
        {
            await reviewer.GotoAsync("/");
            await MenuAsync(reviewer, "审核", "备案审核");
            await Row(reviewer, DemoProjects.Submitted).GetByRole(AriaRole.Link, new() { Name = "审核", Exact = true }).ClickAsync();
            await Button(reviewer, "审核通过").ClickAsync(); // a confirmation, accepted
            await Expect(Status(reviewer)).ToHaveTextAsync("备案已审核通过，研修班已面向全省发布。");
            await journey.ScreenshotAsync(reviewer, "submitted-filing-approved");

            await OpenProjectAsync(host, DemoProjects.Returned);
            await Expect(host.GetByText("备案被退回，审核意见：")).ToBeVisibleAsync();
            await Link(host, "填写备案").ClickAsync();
            await Button(host, "提交备案").ClickAsync();
            await Expect(Status(host)).ToHaveTextAsync("备案已提交，请等待省人社厅专技处审核。");
            await journey.ScreenshotAsync(host, "returned-filing-resubmitted");

            await OpenProjectAsync(host, DemoProjects.Draft);
            await Link(host, "填写备案").ClickAsync();
            await host.GetByLabel("办班地点").FillAsync(venue);
            await Button(host, "保存草稿").ClickAsync();
            await Expect(Status(host)).ToBeVisibleAsync();
            await Expect(host.GetByLabel("办班地点")).ToHaveValueAsync(venue);
            await journey.ScreenshotAsync(host, "draft-saved");
        });
    }

    [Fact]
    public async Task Reviewer_resends_a_mail_that_failed_every_attempt()
    {
        var subject = $"【待审核】发送失败的通知 {Guid.NewGuid():N}"[..22];
        var now = portal.App.Services.GetRequiredService<PortalClock>().Now;
        var maxAttempts = portal.App.Services.GetRequiredService<IOptions<MailOptions>>().Value.MaxAttempts;
        await using (var db = portal.App.NewContext())
        {
            // The oldest unsent mail, so it is on the list's first page whatever else waits.
            var mail = new OutboxMail("zhang.san@demo.local", "张三", subject, "正文", now.AddDays(-30));
            for (var attempt = 0; attempt < maxAttempts; attempt++)
            {
                mail.MarkFailed(now.AddDays(-30), "SocketException: Connection refused", TimeSpan.FromHours(1));
            }

            db.OutboxMails.Add(mail);
            await db.SaveChangesAsync();
        }

        await using var journey = portal.StartJourney("mail-resend");
        var reviewer = await portal.PageAsAsync(journey, DemoRole.Reviewer);
        await journey.RunAsync(output, async () =>
        {
            await reviewer.GotoAsync("/");
            await MenuAsync(reviewer, "管理", "邮件发送");
            await Expect(Row(reviewer, subject)).ToContainTextAsync("发送失败");
            await journey.ScreenshotAsync(reviewer, "mail-failed");
            await Button(Row(reviewer, subject), "重新发送").ClickAsync();
            await Expect(Status(reviewer)).ToHaveTextAsync($"已重新发送：{subject}");
            await Expect(Button(Row(reviewer, subject), "重新发送")).ToHaveCountAsync(0);
        });

        await using var check = portal.App.NewContext();
        Assert.Equal(0, await check.OutboxMails.Where(m => m.Subject == subject).Select(m => m.Attempts).SingleAsync());
    }

    [Fact]
    public async Task Reviewer_allows_a_late_filing_whose_resubmission_deadline_has_passed()
    {
        var name = $"逾期重新提交研修班{Guid.NewGuid():N}"[..14];
        await SaveReturnedPastItsResubmissionDeadlineAsync(name);
        await using var journey = portal.StartJourney("allow-late-filing");
        var reviewer = await portal.PageAsAsync(journey, DemoRole.Reviewer);
        await journey.RunAsync(output, async () =>
        {
            await OpenProjectAsync(reviewer, name, DemoRole.Reviewer);
            await Link(reviewer, "准予逾期提交备案").ClickAsync();
            await reviewer.GetByLabel("准予理由（必填）").FillAsync("承办单位已书面说明延误原因");
            await journey.ScreenshotAsync(reviewer, "allow-late-form");
            await Button(reviewer, "准予逾期提交").ClickAsync(); // a confirmation, accepted
            await Expect(Status(reviewer)).ToHaveTextAsync("已准予承办单位逾期提交备案，并已通知承办单位。");
            await Expect(reviewer.Locator("#late-allowance")).ToContainTextAsync("承办单位已书面说明延误原因");
        });
    }

    /// <summary>A filing first submitted on time, returned with a resubmission deadline that is now past, its class
    /// still to come: the host unit is refused until a reviewer allows it (set up as the domain would have recorded it).</summary>
    private async Task SaveReturnedPastItsResubmissionDeadlineAsync(string name)
    {
        var today = portal.App.Today;
        var start = today.AddDays(10);
        while (!Enumerable.Range(0, 3).All(day => TestData.Calendar.IsWorkingDay(start.AddDays(day))))
        {
            start = start.AddDays(1); // three working days, so the page warns of no holiday or weekend
        }

        var latest = FilingDeadlines.LatestFilingDate(start, TestData.Calendar).Date;
        Assert.True(latest < today, "The test needs a start date whose latest filing date has passed.");
        await using var db = portal.App.NewContext();
        var year = await db.PlanYears.SingleAsync(y => y.Year == start.Year);
        var applicant = TestData.Ok(Organization.Create($"{name}申报单位", "济南"));
        var host = TestData.Ok(Organization.Create($"{name}承办单位", "济南"));
        var project = TestData.Ok(PlanProject.Create(start.Year, TestData.NextProjectNumber(), name, "农业", applicant.Id, host.Id));
        var (plan, notice) = (TestData.File(), TestData.File("举办通知.pdf"));
        var filing = TestData.CompleteDraftFiling(project, plan, notice);
        TestData.Ok(filing.UpdateDetails(new FilingDetails(
            filing.Venue, start, start.AddDays(2), filing.ContactPerson, filing.OfficePhone, filing.Mobile, filing.PlannedTraineeCount, [.. filing.ExpertSessions])));
        var submittedAt = new DateTimeOffset(latest.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
        TestData.Ok(filing.Submit(TestData.Organizer, submittedAt, latest, year, TestData.Calendar));
        TestData.Ok(filing.Return(TestData.Reviewer, submittedAt.AddHours(6), "请补充专家职称", latest));
        db.AddRange(applicant, host, project, plan, notice, filing);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Reviewer_adds_a_year_lists_its_holidays_and_marks_it_published()
    {
        // A year far ahead: no demo project falls in it, so no deadline another journey checks moves.
        var year = portal.App.Today.Year + 7;
        await using var journey = portal.StartJourney("calendar-publish");
        var reviewer = await portal.PageAsAsync(journey, DemoRole.Reviewer);
        await journey.RunAsync(output, async () =>
        {
            await reviewer.GotoAsync("/");
            await MenuAsync(reviewer, "管理", "节假日安排");
            await reviewer.GetByLabel("年份", new() { Exact = true }).FillAsync($"{year}");
            await reviewer.GetByLabel("通知文号", new() { Exact = true }).FillAsync($"国办发明电〔{year - 1}〕7号");
            await Button(reviewer, "新增年度").ClickAsync();
            await Expect(Status(reviewer)).ToHaveTextAsync($"已新增 {year} 年，请录入节假日和调休上班日，全部录入后标记为已公布。");

            // Nothing listed yet: publishing is refused, and says why.
            await Button(reviewer, "标记为已公布").ClickAsync(); // a confirmation, accepted
            await Expect(reviewer.Locator("#calendar-provisional")).ToContainTextAsync($"{year} 年尚未录入放假日期，请先按通知录入后再标记为已公布。");

            await reviewer.GetByLabel("开始日期", new() { Exact = true }).FillAsync($"{year}-10-01");
            await reviewer.GetByLabel("结束日期", new() { Exact = true }).FillAsync($"{year}-10-07");
            await reviewer.GetByLabel("节日名称", new() { Exact = true }).FillAsync("国庆节");
            await Button(reviewer, "添加放假日期").ClickAsync();
            await Expect(Status(reviewer)).ToHaveTextAsync("节假日安排已更新。");
            await Expect(Row(reviewer, $"{year}年10月7日")).ToContainTextAsync("国庆节");

            await Button(reviewer, "标记为已公布").ClickAsync(); // a confirmation, accepted
            await Expect(Status(reviewer)).ToHaveTextAsync("节假日安排已更新。");
            await Expect(reviewer.Locator("#calendar-published")).ToContainTextAsync("已公布");
            await Expect(Button(reviewer, "标记为已公布")).ToHaveCountAsync(0);
            await journey.ScreenshotAsync(reviewer, "calendar-published");
        });

        Assert.Contains(journey.Dialogs, text => text.Contains($"确定 {year} 年的放假和调休上班日已全部按通知录入吗？", StringComparison.Ordinal));
        await using var db = portal.App.NewContext();
        var stored = await db.HolidayCalendarYears.SingleAsync(y => y.Year == year);
        Assert.True(stored.IsPublished);
        Assert.Equal(7, stored.Days.Count);
    }

    [Fact]
    public async Task Reviewer_opens_every_admin_page_and_acts_on_each_where_cheap()
    {
        const string unit = "日照市科学技术局";
        var email = $"rizhao-{Guid.NewGuid():N}@demo.local";
        await using var journey = portal.StartJourney("admin");
        var reviewer = await portal.PageAsAsync(journey, DemoRole.Reviewer);
        await journey.RunAsync(output, async () =>
        {
            var year = portal.App.Today.Year;
            await reviewer.GotoAsync("/");

            // 计划年度: save the year unchanged, then its plan projects and the XLSX import page.
            await MenuAsync(reviewer, "管理", "计划年度");
            await Expect(Heading(reviewer)).ToHaveTextAsync("计划年度");
            var yearRow = Row(reviewer, year.ToString(System.Globalization.CultureInfo.InvariantCulture)).First;
            await yearRow.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
            await Button(reviewer, "保存").ClickAsync();
            await Expect(Status(reviewer)).ToHaveTextAsync($"{year} 年度已保存。");
            await Row(reviewer, $"{year}").First.GetByRole(AriaRole.Link, new() { Name = "计划项目" }).ClickAsync();
            await Expect(Heading(reviewer)).ToHaveTextAsync($"{year} 年度计划项目");
            await Expect(Row(reviewer, DemoProjects.Held)).ToBeVisibleAsync();
            await journey.ScreenshotAsync(reviewer, "plan-projects");
            await reviewer.GetByRole(AriaRole.Link, new() { Name = "从 XLSX 批量导入（附件1 格式）" }).ClickAsync();
            await Expect(Heading(reviewer)).ToHaveTextAsync($"导入 {year} 年度计划项目");

            // 单位: add one.
            await MenuAsync(reviewer, "管理", "单位");
            await Expect(Heading(reviewer)).ToHaveTextAsync("单位管理");
            await reviewer.GetByLabel("单位名称").FillAsync(unit);
            await reviewer.GetByLabel("所在城市").FillAsync("日照");
            await Button(reviewer, "保存").ClickAsync();
            await Expect(Status(reviewer)).ToHaveTextAsync($"单位“{unit}”已保存。");
            await Expect(Row(reviewer, unit)).ToBeVisibleAsync();

            // 账号: an organizer of that unit, its password reset, then disabled.
            await MenuAsync(reviewer, "管理", "账号");
            await Expect(Heading(reviewer)).ToHaveTextAsync("账号管理");
            await reviewer.GetByLabel("账号类型").SelectOptionAsync(new SelectOptionValue { Label = "组织者（承办/申报单位）" });
            var option = reviewer.GetByLabel("所属单位（组织者）").Locator("option").Filter(new() { HasText = unit });
            await reviewer.GetByLabel("所属单位（组织者）").SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
            await reviewer.GetByLabel("姓名").FillAsync("李日照");
            await reviewer.GetByLabel("电子邮箱（登录账号）").FillAsync(email);
            await reviewer.GetByLabel("初始密码").FillAsync("Rizhao@2026");
            await Button(reviewer, "创建账号").ClickAsync();
            await Expect(Status(reviewer)).ToContainTextAsync(email);
            await journey.ScreenshotAsync(reviewer, "account-created");
            await Row(reviewer, email).GetByRole(AriaRole.Link, new() { Name = "重置密码" }).ClickAsync();
            await reviewer.GetByLabel("新密码").FillAsync("Rizhao@2027");
            await Button(reviewer, "重置密码").ClickAsync();
            await Expect(Status(reviewer)).ToHaveTextAsync($"账号 {email} 的密码已重置。");
            await Button(Row(reviewer, email), "停用").ClickAsync();
            await Expect(Status(reviewer)).ToHaveTextAsync($"账号 {email} 已停用。");
            await Expect(Row(reviewer, email)).ToContainTextAsync("已停用");

            // 节假日安排: read only here (a change would move every deadline the other journeys see).
            await MenuAsync(reviewer, "管理", "节假日安排");
            await Expect(Heading(reviewer)).ToHaveTextAsync("节假日安排");
            await journey.ScreenshotAsync(reviewer, "calendar");

            // 审计日志: filtered by the reviewer's own name, it lists what was just done.
            await MenuAsync(reviewer, "管理", "审计日志");
            await Expect(Heading(reviewer)).ToHaveTextAsync("审计日志");
            await reviewer.GetByLabel("操作人姓名").FillAsync("审核员");
            await Button(reviewer, "查询").ClickAsync();
            await Expect(reviewer.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).First).ToBeVisibleAsync();
            await journey.ScreenshotAsync(reviewer, "audit");

            // 审核 → 期限看板, and 全部项目's XLSX overview.
            await MenuAsync(reviewer, "审核", "期限看板");
            await Expect(Heading(reviewer)).ToHaveTextAsync("截止日期看板");
            await journey.ScreenshotAsync(reviewer, "deadlines");
            await Nav(reviewer, "全部项目").ClickAsync();
            var overview = await BrowserSession.DownloadAsync(reviewer, reviewer.GetByRole(AriaRole.Link, new() { Name = "导出项目一览（XLSX）" }),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            Assert.Equal("PK"u8.ToArray(), overview[..2]);
        });
    }
}
