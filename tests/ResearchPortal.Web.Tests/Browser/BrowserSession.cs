using Microsoft.Playwright;

namespace ResearchPortal.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser). Screenshots go to
/// <c>$RESEARCHPORTAL_ARTIFACTS/screenshots</c> (default: <c>artifacts/</c> beside the test run).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _screenshotFolder;
    private int _step;

    private BrowserSession(IPlaywright playwright, IBrowser browser, string screenshotFolder)
    {
        _playwright = playwright;
        _browser = browser;
        _screenshotFolder = screenshotFolder;
    }

    public static async Task<BrowserSession> LaunchAsync(string journey)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
        var artifacts = Environment.GetEnvironmentVariable("RESEARCHPORTAL_ARTIFACTS")
            ?? Path.Combine(AppContext.BaseDirectory, "artifacts");
        var folder = Path.Combine(artifacts, "screenshots", journey);
        Directory.CreateDirectory(folder);
        return new BrowserSession(playwright, browser, folder);
    }

    /// <summary>A fresh browser context (own cookies), as a different person at another desk.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a numbered full-page screenshot of the step, e.g. <c>03-reviewer-returns.png</c>.</summary>
    public async Task ScreenshotAsync(IPage page, string step)
    {
        _step++;
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(_screenshotFolder, $"{_step:D2}-{step}.png"),
            FullPage = true,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
