using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

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

    private readonly IPlaywright? _ownedPlaywright;
    private readonly IBrowser _browser;
    private readonly bool _ownsBrowser;
    private readonly string _screenshotFolder;
    private readonly List<string> _problems = [];
    private readonly List<string> _dialogs = [];
    private readonly List<IBrowserContext> _contexts = [];
    private int _step;

    private BrowserSession(IPlaywright? ownedPlaywright, IBrowser browser, bool ownsBrowser, string screenshotFolder)
    {
        _ownedPlaywright = ownedPlaywright;
        _browser = browser;
        _ownsBrowser = ownsBrowser;
        _screenshotFolder = screenshotFolder;
    }

    /// <summary>A browser of its own for one journey, closed with the session.</summary>
    public static async Task<BrowserSession> LaunchAsync(string journey)
    {
        var playwright = await Playwright.CreateAsync();
        return new BrowserSession(playwright, await LaunchChromiumAsync(playwright), ownsBrowser: true, ScreenshotFolderOf(journey));
    }

    /// <summary>One journey on a browser shared with other journeys: own pages, problems and screenshots.</summary>
    public static BrowserSession OnSharedBrowser(IBrowser browser, string journey) =>
        new(ownedPlaywright: null, browser, ownsBrowser: false, ScreenshotFolderOf(journey));

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });

    private static string ScreenshotFolderOf(string journey)
    {
        var artifacts = Environment.GetEnvironmentVariable("RESEARCHPORTAL_ARTIFACTS")
            ?? Path.Combine(AppContext.BaseDirectory, "artifacts");
        var folder = Path.Combine(artifacts, "screenshots", journey);
        Directory.CreateDirectory(folder);

        // Numbered files of an earlier run would mix with this run's steps.
        foreach (var old in Directory.EnumerateFiles(folder, "*.png"))
        {
            File.Delete(old);
        }

        return folder;
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

    /// <summary>
    /// A fresh browser context (own cookies), as a different person at another desk; with <paramref name="storageState"/>
    /// (a saved <see cref="IBrowserContext.StorageStateAsync"/>) already logged in. Confirmation dialogs are accepted.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, string? storageState = null)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            StorageState = storageState,
        });
        lock (_contexts)
        {
            _contexts.Add(context);
        }

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
        page.RequestFailed += (_, request) =>
        {
            // A click that leaves a page cancels what it was still loading (net::ERR_ABORTED): the user's doing, not a
            // broken asset, which answers 404 and is caught below.
            if (request.Failure != "net::ERR_ABORTED")
            {
                Report(page, $"request failed: {request.Method} {request.Url} ({request.Failure})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Report(page, $"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        return page;
    }

    /// <summary>
    /// Follows a download link with the page's own cookies (as the browser would) and returns the file, after checking
    /// it answered 200 with <paramref name="contentType"/> and a non-trivial body.
    /// </summary>
    public static async Task<byte[]> DownloadAsync(IPage page, ILocator link, string contentType)
    {
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The link has no href.");
        var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString());
        var body = await response.BodyAsync();
        Assert.True(response.Status == 200, $"GET {href} answered {response.Status}");
        Assert.StartsWith(contentType, response.Headers["content-type"], StringComparison.OrdinalIgnoreCase);
        Assert.True(body.Length > 200, $"GET {href} answered only {body.Length} bytes");
        return body;
    }

    /// <summary>
    /// Runs a journey's steps; on failure every open page is screenshot (<c>NN-FAILED-…</c>) and the problems seen so far
    /// are written out. A journey passes only if no page raised a script error, a console error or a response ≥ 400.
    /// </summary>
    public async Task RunAsync(ITestOutputHelper output, Func<Task> steps)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await steps();
        }
        catch
        {
            var pages = _contexts.SelectMany(context => context.Pages).ToList();
            for (var index = 0; index < pages.Count; index++)
            {
                await ScreenshotAsync(pages[index], $"FAILED-page{index + 1}");
            }

            Problems.ToList().ForEach(output.WriteLine);
            throw;
        }

        output.WriteLine($"journey took {clock.Elapsed.TotalSeconds:0.0} s; screenshots: {_screenshotFolder}");
        Assert.True(Problems.Count == 0, string.Join(Environment.NewLine, Problems));
    }

    /// <summary>Saves a numbered full-page screenshot of the step, e.g. <c>03-reviewer-returns.png</c>.</summary>
    public async Task ScreenshotAsync(IPage page, string step)
    {
        var number = Interlocked.Increment(ref _step);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(_screenshotFolder, $"{number:D2}-{step}.png"),
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
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        if (_ownsBrowser)
        {
            await _browser.DisposeAsync();
        }

        _ownedPlaywright?.Dispose();
    }
}
