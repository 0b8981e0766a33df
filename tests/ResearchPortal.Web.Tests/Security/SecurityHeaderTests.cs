using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Persistence;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Security;

/// <summary>Every kind of response carries the same security headers; Production adds HTTPS, HSTS and Secure cookies.</summary>
[Collection(PortalCollections.Accounts)]
public sealed class SecurityHeaderTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task Pages_static_files_error_pages_downloads_and_form_posts_all_carry_the_security_headers()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        using var host = await graph.HostOrganizerAsync(app);
        using var anonymous = app.Anonymous();
        string token;
        await using (var db = app.NewContext())
        {
            token = ConcurrencyToken.Read(db, await db.RosterEntries.SingleAsync(e => e.Id == graph.Entries[0].Id));
        }

        var rosterSave = new HttpRequestMessage(HttpMethod.Post, $"/Roster?{graph.Query}&handler=Save")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(RosterForm.Row(0, graph.Entries[0].Id, "16", passed: false, token))
            {
                ["__RequestVerificationToken"] = await host.ReadTokenAsync($"/Roster?{graph.Query}"),
            }),
        };

        var responses = new (string Kind, HttpResponseMessage Response, HttpStatusCode Status)[]
        {
            ("page", await anonymous.GetAsync("/"), HttpStatusCode.OK),
            ("stylesheet", await anonymous.GetAsync("/css/site.css"), HttpStatusCode.OK),
            ("library script", await anonymous.GetAsync("/lib/htmx/htmx.min.js"), HttpStatusCode.OK),
            ("404 page", await anonymous.GetAsync("/no-such-page"), HttpStatusCode.NotFound),
            ("error page", await anonymous.GetAsync("/Error"), HttpStatusCode.OK),
            ("redirect to log-in", await anonymous.GetAsync($"/Roster?{graph.Query}"), HttpStatusCode.Redirect),
            ("PDF download", await host.GetAsync($"/Documents/Filing?{graph.Query}"), HttpStatusCode.OK),
            ("XLSX download", await host.GetAsync($"/Spreadsheets/Project/Roster?{graph.Query}"), HttpStatusCode.OK),
            ("form post", await host.Http.SendAsync(rosterSave), HttpStatusCode.Redirect), // results not open yet: back to the roster
        };

        Assert.All(responses, item =>
        {
            Assert.True(item.Status == item.Response.StatusCode, $"{item.Kind} answered {(int)item.Response.StatusCode}");
            foreach (var (name, value) in SecurityHeaders.Headers)
            {
                Assert.True(item.Response.Headers.TryGetValues(name, out var values), $"{item.Kind} lacks {name}");
                Assert.Equal(value, Assert.Single(values));
            }

            Assert.False(item.Response.Headers.Contains("Strict-Transport-Security"), $"{item.Kind}: HSTS outside Production");
        });
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_follow_the_request_scheme_outside_production_so_plain_http_works()
    {
        using var anonymous = app.Anonymous();

        var response = await anonymous.GetAsync("/Account/Login");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Production: plain HTTP is redirected, HTTPS answers carry HSTS, and the log-in and anti-forgery cookies are Secure.</summary>
public sealed class ProductionTransportTests : IAsyncLifetime
{
    private const string PfxPassword = "test-keyring-pass";
    private readonly string _folder = Directory.CreateTempSubdirectory("rp-prod-").FullName;
    private PortalApp? _app;

    private PortalApp App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var certificate = Path.Combine(_folder, "keyring.pfx");
        TestKeyRing.WritePfx(certificate, PfxPassword);
        _app = new PortalApp
        {
            EnvironmentName = "Production",
            Settings = new Dictionary<string, string>
            {
                ["DataProtection:CertificatePath"] = certificate,
                ["DataProtection:CertificatePassword"] = PfxPassword,
                ["https_port"] = "443",
                ["AllowedHosts"] = "yanxiu.test.example;localhost",
            },
        };
        await _app.InitializeAsync();
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://yanxiu.test.example") });

        var response = await client.GetAsync("/Seminars");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://yanxiu.test.example/Seminars", response.Headers.Location?.ToString());
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Https_answers_carry_hsts_and_the_login_and_antiforgery_cookies_are_secure()
    {
        var user = await App.CreateUserAsync(PortalRoles.Reviewer);
        var client = new PortalClient(App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://yanxiu.test.example") }));

        var form = await client.GetAsync("/Account/Login");
        var login = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = PortalApp.Password });

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(form.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookies = form.Headers.GetValues("Set-Cookie").Concat(login.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, cookie => cookie.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies, cookie => cookie.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
