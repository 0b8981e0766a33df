using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Pages.Filings;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Pages.Filings;
using ResearchPortal.Web.Tests.Web;
using static Microsoft.Playwright.Assertions;

namespace ResearchPortal.Web.Tests.Browser;

/// <summary>site.js in Chromium: data-confirm asks before submitting, focus goes to the error summary, htmx failures alert.</summary>
public sealed class FormBehaviourBrowserTests
{
    private const string SubmitFilingConfirm = "确定提交备案吗？提交后审核完成前不能再修改。";

    [Fact]
    public async Task Confirmation_is_asked_cancel_sends_nothing_and_a_failed_submit_focuses_the_error_summary()
    {
        Assertions.SetDefaultExpectTimeout(10_000);
        await using var app = new PortalApp { OnRealPort = true };
        await app.InitializeAsync();
        var scenario = await FilingScenario.CreateAsync(app);
        var organizer = await app.CreateUserAsync(PortalRoles.Organizer, scenario.Host.Id, "王组织");
        await using var browser = await BrowserSession.LaunchAsync("form-behaviour");
        var page = await browser.NewPageAsync(app.BaseAddress);

        await LogInAsync(page, organizer);
        await page.GotoAsync(scenario.EditUrl);
        await page.GetByLabel("办班地点").FillAsync("济南市历下区培训中心");
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "提交备案" });

        // 取消: the form is not sent.
        await page.EvaluateAsync("() => { window.confirm = () => false; }");
        await submit.ClickAsync();
        await page.WaitForTimeoutAsync(500);
        await using (var db = app.NewContext())
        {
            Assert.False(await db.Filings.AnyAsync(f => f.PlanProjectId == scenario.Project.Id));
        }

        // 确定 (the session accepts dialogs): the incomplete filing is saved as a draft and the summary takes focus.
        await page.ReloadAsync();
        await page.GetByLabel("办班地点").FillAsync("济南市历下区培训中心");
        await submit.ClickAsync();
        var summary = page.Locator("[data-error-summary]");
        await Expect(summary).ToContainTextAsync("请修改以下问题后重新提交");
        await Expect(summary).ToContainTextAsync(EditModel.DraftKeptNote);
        await Expect(summary).ToBeFocusedAsync();
        Assert.Contains(SubmitFilingConfirm, browser.Dialogs);
        await browser.ScreenshotAsync(page, "failed-submit-error-summary");

        // A summary link moves to its field.
        await summary.GetByRole(AriaRole.Link, new() { Name = "请上传研修项目实施方案。" }).ClickAsync();
        await Expect(page.Locator("#Input_ImplementationPlan")).ToBeFocusedAsync();

        // An htmx request that fails is not swapped into the page: the user gets an alert naming the problem.
        await page.EvaluateAsync(
            "url => htmx.ajax('GET', url, { target: '#filing-form', swap: 'outerHTML' })", $"/Roster?projectId={Guid.NewGuid()}");
        await Expect(page.Locator("#filing-form")).ToBeVisibleAsync();
        await WaitUntilAsync(page, () => browser.Dialogs.Any(text => text.Contains("页面不存在（错误代码 404）", StringComparison.Ordinal)));
        Assert.DoesNotContain(browser.Problems, problem => problem.Contains("script error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_htmx_decision_asks_first_cancel_sends_nothing_and_enter_in_the_reason_declines()
    {
        Assertions.SetDefaultExpectTimeout(10_000);
        await using var app = new PortalApp { OnRealPort = true };
        await app.InitializeAsync();
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var receipt = TestData.Receipt(seminar.Filing, TestData.IdNumber(7), "韩确认");
        var declined = TestData.Receipt(seminar.Filing, TestData.IdNumber(8), "韩回车");
        await using (var db = app.NewContext())
        {
            db.EnrollmentReceipts.AddRange(receipt, declined);
            await db.SaveChangesAsync();
        }

        var organizer = await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id, "王组织");
        await using var browser = await BrowserSession.LaunchAsync("form-behaviour-htmx");
        var page = await browser.NewPageAsync(app.BaseAddress);
        await LogInAsync(page, organizer);
        await page.GotoAsync($"/Enrollments/Queue?projectId={seminar.Project.Id}");
        var row = page.Locator($"#receipt-{receipt.Id}");
        var accept = row.GetByRole(AriaRole.Button, new() { Name = "录取", Exact = true });

        await page.EvaluateAsync("() => { window.confirm = () => false; }");
        await accept.ClickAsync();
        await page.WaitForTimeoutAsync(500);
        await using (var db = app.NewContext())
        {
            Assert.Equal(ReceiptStatus.Submitted, (await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id)).Status);
        }

        await page.ReloadAsync();
        await accept.ClickAsync();
        await Expect(row).ToContainTextAsync("已录取韩确认");
        Assert.Contains("确定录取韩确认吗？", browser.Dialogs);

        // One form per row: Enter in the reason box submits with its first button, which declines (never accepts).
        var reason = page.Locator($"#receipt-{declined.Id}").GetByLabel("不予录取的原因");
        await reason.FillAsync("本期名额已满。");
        await reason.PressAsync("Enter");
        await Expect(page.Locator($"#receipt-{declined.Id}")).ToContainTextAsync("原因：本期名额已满。");
        Assert.Contains("确定不予录取韩回车吗？", browser.Dialogs);
        Assert.Empty(browser.Problems);
    }

    private static async Task LogInAsync(IPage page, PortalUser user)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("电子邮箱").FillAsync(user.Email!);
        await page.GetByLabel("密码").FillAsync(PortalApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
    }

    /// <summary>Polls a condition the page's events fulfil (a dialog shown), failing after ten seconds.</summary>
    private static async Task WaitUntilAsync(IPage page, Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 100)
        {
            Assert.True(waited < 10_000, "The expected dialog did not appear.");
            await page.WaitForTimeoutAsync(100);
        }
    }
}
