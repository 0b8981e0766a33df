using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Browser.Journeys;
using Xunit.Abstractions;

namespace ResearchPortal.Web.Tests.Browser;

/// <summary>
/// The main pages of every demo role in Chromium under the portal's Content-Security-Policy: the policy arrives with the
/// page, the browser reports no violation (a violation is a console error, which fails the journey), htmx runs with its
/// CSP-safe configuration, and no page carries inline script or style. The journeys and the crawl, which click
/// through the same pages, run under the same policy.
/// </summary>
[Collection(DemoPortalCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(DemoPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Main_pages_of_every_role_load_without_a_csp_violation()
    {
        var project = await ProjectIdsAsync();
        int year;
        await using (var db = portal.App.NewContext())
        {
            year = await db.PlanYears.MaxAsync(y => y.Year);
        }

        var pagesByRole = new (DemoRole? Role, string[] Paths)[]
        {
            (null, ["/", "/Seminars", $"/Seminars/Details?projectId={project[DemoProjects.Open]}", "/Verify", "/Account/Login", "/Account/Register", "/Account/ForgotPassword"]),
            (DemoRole.Host, [
                "/", "/Projects", $"/Projects/Details?id={project[DemoProjects.Held]}", $"/Filings/Edit?projectId={project[DemoProjects.Draft]}",
                $"/Enrollments/Queue?projectId={project[DemoProjects.Open]}", $"/Enrollments/Record?projectId={project[DemoProjects.Open]}",
                $"/Roster?projectId={project[DemoProjects.Held]}", $"/Spreadsheets/ImportRoster?projectId={project[DemoProjects.Held]}",
                $"/CloseOuts/Edit?projectId={project[DemoProjects.Held]}", $"/PartyGroups?projectId={project[DemoProjects.Held]}", "/Account/ChangePassword",
            ]),
            (DemoRole.Applicant, ["/", "/Projects", $"/Projects/Details?id={project[DemoProjects.Held]}"]),
            (DemoRole.Trainee, ["/", "/Enrollments/Mine", $"/Enrollments/New?projectId={project[DemoProjects.Open]}"]),
            (DemoRole.Reviewer, [
                "/", "/Projects", "/Review/Filings", $"/Review/Filing?projectId={project[DemoProjects.Submitted]}", "/Review/CloseOuts",
                "/Review/Deadlines", "/Review/Outcomes", $"/Review/SpotChecks?projectId={project[DemoProjects.Held]}", $"/Spreadsheets/ImportProjects?year={year}",
                "/Admin/Accounts", "/Admin/Organizations", "/Admin/PlanYears", $"/Admin/Projects?year={year}", "/Admin/Calendar", "/Admin/Audit",
            ]),
        };

        await using var journey = portal.StartJourney("content-security-policy");
        await journey.RunAsync(output, async () =>
        {
            foreach (var (role, paths) in pagesByRole)
            {
                var page = role is { } signedIn ? await portal.PageAsAsync(journey, signedIn) : await journey.NewPageAsync(portal.BaseAddress);
                foreach (var path in paths)
                {
                    await AssertLoadsUnderThePolicyAsync(page, path);
                }
            }
        });
    }

    [Fact]
    public async Task The_browser_refuses_an_injected_inline_script_and_reports_it()
    {
        await using var journey = portal.StartJourney("content-security-policy-enforced");
        var page = await journey.NewPageAsync(portal.BaseAddress);
        await page.GotoAsync("/");

        // Playwright may or may not surface the refusal as an exception; what counts is that the script did not run.
        try
        {
            await page.AddScriptTagAsync(new() { Content = "window.injectedScriptRan = true;" });
        }
        catch (PlaywrightException)
        {
        }

        Assert.False(await page.EvaluateAsync<bool>("() => window.injectedScriptRan === true"));
        Assert.Contains(journey.Problems, problem => problem.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    private static async Task AssertLoadsUnderThePolicyAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var headers = await response.AllHeadersAsync();

        Assert.True(response.Status == 200, $"{path} answered {response.Status}");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, headers.GetValueOrDefault("content-security-policy"));
        Assert.False(headers.ContainsKey("server"), $"{path} names its server: {headers.GetValueOrDefault("server")}");
        Assert.True(
            await page.EvaluateAsync<bool>("() => window.htmx?.config.includeIndicatorStyles === false && htmx.config.allowEval === false"),
            $"{path}: htmx is missing or not configured for the CSP");
        Assert.Equal(0, await page.Locator("script:not([src]), style, [style]").CountAsync());
    }

    private async Task<Dictionary<string, Guid>> ProjectIdsAsync()
    {
        await using var db = portal.App.NewContext();
        return await db.PlanProjects.ToDictionaryAsync(p => p.Name, p => p.Id);
    }
}
