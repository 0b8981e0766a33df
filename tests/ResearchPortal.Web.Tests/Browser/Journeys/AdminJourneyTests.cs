using Microsoft.Playwright;
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
