using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Data.Demo;
using ResearchPortal.Web.Tests.Web;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ResearchPortal.Web.Tests.Browser;

/// <summary>
/// The key pages, filled with the demo data on PostgreSQL, checked in Debian's Chromium: axe-core finds no serious or
/// critical violation at 1280×900, at 390×844 (a phone) no page is wider than the screen, and no page shows a date
/// other than the portal's one format. Each role logs in once; its browser context (cookies) serves all its pages.
/// Phone-sized screenshots go to <c>$RESEARCHPORTAL_ARTIFACTS/screenshots/accessibility/</c>, with axe's findings
/// of every impact in <c>axe-report.txt</c> beside them.
/// </summary>
public sealed class AccessibilityTests(ITestOutputHelper output)
{
    private const string Journey = "accessibility";
    private static readonly string[] BlockingImpacts = ["serious", "critical"];
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>Dates written any other way than "2025年6月2日" / "2025年6月2日 09:30" (ISO, slashes, US/UK order).</summary>
    private const string ForeignDatePattern = @"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b";

    [Fact]
    public async Task Key_pages_have_no_serious_axe_violations_and_fit_a_phone_screen()
    {
        Assertions.SetDefaultExpectTimeout(10_000);
        await using var app = new PortalApp { OnRealPort = true };
        await app.InitializeAsync();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }

        var demo = await DemoProjectsAsync(app);
        await using var browser = await BrowserSession.LaunchAsync(Journey);
        output.WriteLine($"app: {app.BaseAddress}  screenshots: {browser.ScreenshotFolder}");

        var anonymous = await browser.NewPageAsync(app.BaseAddress);
        var host = await LoggedInAsync(browser, app, DemoDataSeeder.HostOrganizerEmail);
        var trainee = await LoggedInAsync(browser, app, DemoDataSeeder.TraineeEmail);
        var reviewer = await LoggedInAsync(browser, app, DemoDataSeeder.ReviewerEmail);

        await SkipLinkComesFirstAndMovesFocusToMainAsync(anonymous);

        var checks = new (string Name, IPage Page, string Path)[]
        {
            ("home", anonymous, "/"),
            ("login", anonymous, "/Account/Login"),
            ("seminars", anonymous, "/Seminars"),
            ("seminar-details", anonymous, $"/Seminars/Details?projectId={demo.Open}"),
            ("verify", anonymous, $"/Verify?number={Uri.EscapeDataString(demo.CertificateNumber)}"),
            ("home-host", host, "/"),
            ("projects", host, "/Projects"),
            ("project-details", host, $"/Projects/Details?id={demo.Held}"),
            ("filing-edit", host, $"/Filings/Edit?projectId={demo.Draft}"),
            ("enrollment-queue", host, $"/Enrollments/Queue?projectId={demo.Open}"),
            ("roster", host, $"/Roster?projectId={demo.Held}"),
            ("closeout-edit", host, $"/CloseOuts/Edit?projectId={demo.Held}"),
            ("party-groups", host, $"/PartyGroups?projectId={demo.Held}"),
            ("enrollment-new", trainee, $"/Enrollments/New?projectId={demo.Open}"),
            ("my-enrollments", trainee, "/Enrollments/Mine"),
            ("review-filings", reviewer, "/Review/Filings"),
            ("review-filing", reviewer, $"/Review/Filing?projectId={demo.Submitted}"),
            ("review-deadlines", reviewer, "/Review/Deadlines"),
            ("statistics", reviewer, "/Statistics"),
            ("admin-accounts", reviewer, "/Admin/Accounts"),
            ("admin-calendar", reviewer, "/Admin/Calendar"),
            ("admin-audit", reviewer, "/Admin/Audit"),
        };

        var axeScript = Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js");
        var report = new StringBuilder();
        var failures = new List<string>();
        var countsByImpact = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, page, path) in checks)
        {
            await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{name}: {path} answered {response?.Status}");
            if (name == "verify")
            {
                await page.GetByLabel("持证人姓名").FillAsync(demo.CertificateHolder);
                await page.GetByRole(AriaRole.Button, new() { Name = "查验" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            }

            foreach (var violation in await AxeViolationsAsync(page, axeScript))
            {
                countsByImpact[violation.Impact] = countsByImpact.GetValueOrDefault(violation.Impact) + violation.Nodes.Count;
                var line = $"{name} [{violation.Impact}] {violation.Id}: {violation.Help} — {string.Join(" | ", violation.Nodes)}";
                report.AppendLine(line);
                if (BlockingImpacts.Contains(violation.Impact))
                {
                    failures.Add(line);
                }
            }

            var text = await page.Locator("body").InnerTextAsync();
            if (System.Text.RegularExpressions.Regex.Match(text, ForeignDatePattern) is { Success: true } date)
            {
                failures.Add($"{name}: date “{date.Value}” not in the portal's format");
            }

            await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            report.AppendLine($"{name} at 390×844: scrollWidth {widths[0]}, innerWidth {widths[1]}");
            if (widths[0] > widths[1])
            {
                var overflowing = await page.EvaluateAsync<string[]>(OverflowingElementsScript);
                failures.Add($"{name}: {widths[0]}px wide on a {widths[1]}px screen, because of {string.Join(", ", overflowing)}");
            }
            await browser.ScreenshotAsync(page, name);
        }

        var summary = string.Join(", ", countsByImpact.Select(pair => $"{pair.Key} {pair.Value}"));
        report.Insert(0, $"axe-core violations (nodes) by impact: {(summary.Length == 0 ? "none" : summary)}{Environment.NewLine}");
        await File.WriteAllTextAsync(Path.Combine(browser.ScreenshotFolder, "axe-report.txt"), report.ToString());
        output.WriteLine(report.ToString());

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Empty(browser.Problems);
    }

    /// <summary>Elements reaching past the screen's right edge, outside a scroll box or escaping it, to say what made a page too wide.</summary>
    private const string OverflowingElementsScript =
        """
        () => [...document.body.querySelectorAll('*')]
          .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
          .filter(e => !e.parentElement.closest('.table-responsive') || getComputedStyle(e).position === 'absolute')
          .slice(0, 5)
          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : '')
            + ' (' + Math.round(e.getBoundingClientRect().right) + 'px)')
        """;

    private static async Task SkipLinkComesFirstAndMovesFocusToMainAsync(IPage page)
    {
        await page.GotoAsync("/Seminars");
        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.Locator(":focus");
        await Expect(skipLink).ToHaveTextAsync("跳到主要内容");
        await Expect(skipLink).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(":focus")).ToHaveIdAsync("main");
    }

    private sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Nodes);

    private static async Task<IReadOnlyList<AxeViolation>> AxeViolationsAsync(IPage page, string axeScript)
    {
        // Evaluated through DevTools rather than added as a <script> tag, which the portal's CSP (script-src 'self') refuses.
        await page.EvaluateAsync(await File.ReadAllTextAsync(axeScript));
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact ?? 'none', help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + (n.any[0]?.message ? ' (' + n.any[0].message + ')' : ''))
              })));
            }
            """);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static async Task<IPage> LoggedInAsync(BrowserSession browser, PortalApp app, string email)
    {
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        return page;
    }

    private sealed record DemoProjects(Guid Draft, Guid Submitted, Guid Open, Guid Held, string CertificateNumber, string CertificateHolder);

    /// <summary>The demo's draft and submitted filings, the seminar open for enrollment, the one awaiting close-out and a
    /// certificate.</summary>
    private static async Task<DemoProjects> DemoProjectsAsync(PortalApp app)
    {
        await using var db = app.NewContext();
        var draft = await db.Filings.Where(f => f.Status == FilingStatus.Draft).Select(f => f.PlanProjectId).SingleAsync();
        var submitted = await db.Filings.Where(f => f.Status == FilingStatus.Submitted).Select(f => f.PlanProjectId).SingleAsync();
        var held = await db.CloseOuts.Where(c => c.Status == CloseOutStatus.Draft).Select(c => c.PlanProjectId).SingleAsync();
        var closed = await db.CloseOuts.Where(c => c.Status == CloseOutStatus.Accepted).Select(c => c.PlanProjectId).SingleAsync();
        var open = await db.Filings
            .Where(f => f.Status == FilingStatus.Approved && f.PlanProjectId != held && f.PlanProjectId != closed)
            .Select(f => f.PlanProjectId).SingleAsync();
        var certificate = await db.RosterEntries.Where(e => e.PlanProjectId == closed && e.CertificateNumber != null)
            .OrderBy(e => e.Sequence).FirstAsync();
        return new DemoProjects(draft, submitted, open, held, certificate.CertificateNumber!, certificate.Name);
    }
}
