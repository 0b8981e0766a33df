using Microsoft.Playwright;
using ResearchPortal.Web.Data.Demo;
using ResearchPortal.Web.Tests.Web;
using static Microsoft.Playwright.Assertions;

namespace ResearchPortal.Web.Tests.Browser;

/// <summary>The README's demo accounts, as the journeys and the crawl log in.</summary>
public enum DemoRole
{
    Reviewer,
    Host,
    Applicant,
    Trainee,
}

[CollectionDefinition(Name)]
public sealed class DemoPortalCollection : ICollectionFixture<DemoPortal>
{
    public const string Name = "Demo portal in Chromium";
}

/// <summary>
/// One portal for the whole browser suite: a real Kestrel port on a fresh PostgreSQL database seeded with the README's
/// demo data (<c>Portal:SeedDemoData=true</c>), one Chromium, and one login per demo role through the real login form,
/// kept as a storage state that every journey reuses. Journeys use different demo projects, so their order is free.
/// </summary>
public sealed class DemoPortal : IAsyncLifetime
{
    private readonly Dictionary<DemoRole, string> _storageStates = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public PortalApp App { get; } = new() { OnRealPort = true, SeedDemoData = true };

    public Uri BaseAddress => App.BaseAddress;

    public static string EmailOf(DemoRole role) => role switch
    {
        DemoRole.Reviewer => DemoDataSeeder.ReviewerEmail,
        DemoRole.Host => DemoDataSeeder.HostOrganizerEmail,
        DemoRole.Applicant => DemoDataSeeder.ApplicantOrganizerEmail,
        DemoRole.Trainee => DemoDataSeeder.TraineeEmail,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(10_000);
        await App.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserSession.LaunchChromiumAsync(_playwright);

        await using var login = StartJourney("login");
        var states = await Task.WhenAll(Enum.GetValues<DemoRole>().Select(role => LogInAsync(login, role)));
        foreach (var (role, state) in states)
        {
            _storageStates[role] = state;
        }

        Assert.Empty(login.Problems);
    }

    /// <summary>Through the real login form; the signed-in cookies are kept as the role's storage state.</summary>
    private async Task<(DemoRole Role, string State)> LogInAsync(BrowserSession login, DemoRole role)
    {
        var page = await login.NewPageAsync(BaseAddress);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("电子邮箱").FillAsync(EmailOf(role));
        await page.GetByLabel("密码").FillAsync(DemoDataSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        await login.ScreenshotAsync(page, $"{role.ToString().ToLowerInvariant()}-home");
        return (role, await page.Context.StorageStateAsync());
    }

    /// <summary>A journey on the shared browser: its own pages, problems and screenshot folder.</summary>
    public BrowserSession StartJourney(string journey) =>
        BrowserSession.OnSharedBrowser(_browser ?? throw new InvalidOperationException("The portal is not started."), journey);

    /// <summary>A page already logged in as the demo account of <paramref name="role"/> (a new context, same cookies).</summary>
    public Task<IPage> PageAsAsync(BrowserSession journey, DemoRole role) => journey.NewPageAsync(BaseAddress, _storageStates[role]);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
