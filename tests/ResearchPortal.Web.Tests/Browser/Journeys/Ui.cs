using System.Globalization;
using Microsoft.Playwright;
using ResearchPortal.Web.Data.Demo;
using static Microsoft.Playwright.Assertions;

namespace ResearchPortal.Web.Tests.Browser.Journeys;

/// <summary>The demo projects by name (one per state, see <see cref="DemoDataSeeder"/>).</summary>
internal static class DemoProjects
{
    public const string Draft = "基层卫生健康服务能力提升高级研修班";
    public const string Submitted = "海洋生态保护与修复高级研修班";
    public const string Returned = "乡村产业振兴高级研修班";
    public const string Open = "现代种业创新高级研修班";
    public const string Held = "智慧医疗与公共卫生应急高级研修班";
    public const string Closed = "工业互联网与数字化转型高级研修班";
}

/// <summary>What a user sees and clicks, named as the page names it.</summary>
internal static class Ui
{
    public static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The layout's one-off status message (TempData) after a redirect.</summary>
    public static ILocator Status(IPage page) => page.Locator("main > .alert[role=status]");

    public static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static ILocator Button(ILocator scope, string name) => scope.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static ILocator Link(IPage page, string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public static ILocator Row(IPage page, string text) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    /// <summary>A dropdown of the reviewer's navigation bar (审核, 管理), then one of its items.</summary>
    public static async Task MenuAsync(IPage page, string menu, string item)
    {
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Button, new() { Name = menu, Exact = true }).ClickAsync();
        await Nav(page, item).ClickAsync();
    }

    /// <summary>本单位项目 (organizers) or 全部项目 (reviewer) → the project's overview.</summary>
    public static async Task OpenProjectAsync(IPage page, string projectName, DemoRole role = DemoRole.Host)
    {
        await page.GotoAsync("/");
        await Nav(page, role == DemoRole.Reviewer ? "全部项目" : "本单位项目").ClickAsync();
        await Link(page, projectName).ClickAsync();
        await Expect(Heading(page)).ToContainTextAsync(projectName);
    }

    /// <summary>Marks the loaded document, so a later check can tell an in-place htmx swap from a reload.</summary>
    public static Task MarkDocumentAsync(IPage page) => page.EvaluateAsync("() => { window.journeyMark = true; }");

    public static async Task AssertNotReloadedAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.journeyMark === true"), "the page was reloaded instead of updated in place by htmx");

    /// <summary>The Annex 3 receipt's fields (trainee's 我要报名 and the host's 代为录入), name and e-mail aside.</summary>
    public static async Task FillReceiptAsync(IPage page, string idNumber)
    {
        await page.GetByLabel("性别").SelectOptionAsync(new SelectOptionValue { Label = "女" });
        await page.GetByLabel("身份证号").FillAsync(idNumber);
        await page.GetByLabel("民族").FillAsync("汉族");
        await page.GetByLabel("政治面貌").FillAsync("中共党员");
        await page.GetByLabel("职务", new() { Exact = true }).FillAsync("科长");
        await page.GetByLabel("职称", new() { Exact = true }).FillAsync("高级农艺师");
        await page.GetByLabel("职称证书编号").FillAsync("GJ2020001");
        await page.GetByLabel("工作单位").FillAsync("济南市农业科学研究院");
        await page.GetByLabel("手机号码").FillAsync("13912345678");
        await page.GetByLabel("固定电话").FillAsync("0531-66666666");
        await page.GetByLabel("QQ").FillAsync("123456");
        await page.GetByLabel("通讯地址").FillAsync("济南市历下区工业南路 1 号");
        await page.GetByLabel("邮编").FillAsync("250000");
        await page.GetByLabel("单位名称").FillAsync("济南市农业科学研究院");
        await page.GetByLabel("单位联系人").FillAsync("赵联系人");
        await page.GetByLabel("联系电话").FillAsync("0531-77777777");
        await page.GetByLabel("传真").FillAsync("0531-77777778");
        await page.GetByLabel("备注").FillAsync("无");
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
