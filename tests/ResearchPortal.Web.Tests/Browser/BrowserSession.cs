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
    private readonly List<string> _problems = [];
    private readonly List<string> _dialogs = [];
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

        // Numbered files of an earlier run would mix with this run's steps.
        foreach (var old in Directory.EnumerateFiles(folder, "*.png"))
        {
            File.Delete(old);
        }
        return new BrowserSession(playwright, browser, folder);
    }

    /// <summary>The text of every dialog (data-confirm confirmations, alerts) shown so far; each was accepted.</summary>
    public IReadOnlyList<string> Dialogs
    {
        get
        {
            lock (_dialogs)
            {
                return [.. _dialogs];
            }
        }
    }

    /// <summary>Where this journey's screenshots are written.</summary>
    public string ScreenshotFolder => _screenshotFolder;

    /// <summary>
    /// Script errors, console errors and failed requests (4xx/5xx, unreachable assets) seen on any page of the session,
    /// prefixed with the page's address; a journey asserts this is empty so a broken script or missing asset fails it.
    /// </summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
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
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(10_000);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => Report(page, $"script error: {error}");
        page.Dialog += async (_, dialog) =>
        {
            // A user clicking 确定 on a data-confirm confirmation (Playwright would dismiss it, cancelling the submit).
            lock (_dialogs)
            {
                _dialogs.Add(dialog.Message);
            }

            await dialog.AcceptAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Report(page, $"console error: {message.Text}");
            }
        };
        page.RequestFailed += (_, request) => Report(page, $"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Report(page, $"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        return page;
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

    private void Report(IPage page, string problem)
    {
        lock (_problems)
        {
            _problems.Add($"{page.Url}: {problem}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
