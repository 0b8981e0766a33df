using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Infrastructure;
using ResearchPortal.Web.Tests.Persistence;
using ResearchPortal.Web.Tests.Web;
using Xunit.Abstractions;

namespace ResearchPortal.Web.Tests.Deployment;

/// <summary>
/// The deployment of README "Running several instances", for real: PostgreSQL (a cluster of this test's own, since it
/// is stopped), two portal processes in Production started together on an empty database, nginx in front.
/// </summary>
public sealed class TwoInstancesBehindNginxTests(ITestOutputHelper output)
{
    private const string ReviewerPassword = "Deploy@2026a";
    private const string ClientAddress = "127.0.0.2";
    private const string SignedInPage = "/Review/Filings";

    [Fact]
    public async Task Two_instances_share_sessions_survive_a_crash_and_a_database_restart_and_mail_each_reminder_once()
    {
        var postgres = PostgresServer.StartSeparate();
        var folder = Directory.CreateTempSubdirectory("rp-deploy-").FullName;
        var instances = new List<PortalProcess>();
        NginxProxy? nginx = null;
        try
        {
            var connectionString = await postgres.CreateDatabaseAsync("deploy");
            var mailFolder = Directory.CreateDirectory(Path.Combine(folder, "mail")).FullName;
            var settings = ProductionSettings(folder, connectionString, mailFolder);
            using var direct = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

            // Both start at once on the empty database: one migrates, the other waits for it (EF's migration lock).
            var firstStart = Stopwatch.StartNew();
            instances.AddRange([PortalProcess.Start(settings), PortalProcess.Start(settings)]);
            await Task.WhenAll(instances.Select(i => i.WaitUntilReadyAsync(direct, TimeSpan.FromSeconds(120))));
            output.WriteLine($"Two instances on an empty database ready after {firstStart.Elapsed.TotalSeconds:F1} s.");

            // The operator's view of the database (the same key ring), to seed and to look.
            await using var database = await PortalTestHost.StartPostgresAsync(connectionString, new()
            {
                ["DataProtection:CertificatePath"] = settings["DataProtection:CertificatePath"],
                ["DataProtection:CertificatePassword"] = settings["DataProtection:CertificatePassword"],
            });
            var (reviewerEmail, reminderRecipients, projectId) = await SeedAsync(database);

            // A redeploy with the daily reminder pass due shortly (both instances at the same moment); the start-up
            // just measured, without migrations this time, tells how far ahead.
            instances.ForEach(i => i.Dispose());
            instances.Clear();
            var reminderAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10) + firstStart.Elapsed;
            settings["Mail:ReminderTimeOfDay"] = reminderAt.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            instances.AddRange([PortalProcess.Start(settings), PortalProcess.Start(settings)]);
            await Task.WhenAll(instances.Select(i => i.WaitUntilReadyAsync(direct, TimeSpan.FromSeconds(120))));
            nginx = await NginxProxy.StartAsync(instances.Select(i => i.Port));
            using var browser = Browser(nginx.Port);

            // Signed in through nginx, the one session is honoured by both instances.
            var login = await browser.PostFormAsync("/Account/Login", new() { ["Input.Email"] = reviewerEmail, ["Input.Password"] = ReviewerPassword });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            await ServedByBothAsync(browser, instances, SignedInPage, _ => { });

            // Each instance keeps the project list's page; renamed through the database, the project shows renamed on both.
            await ServedByBothAsync(browser, instances, "/Projects", page => Assert.DoesNotContain("跨实例改名的项目", page, StringComparison.Ordinal));
            await using (var db = database.NewContext())
            {
                await db.PlanProjects.Where(p => p.Id == projectId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Name, "跨实例改名的项目"));
            }

            await ServedByBothAsync(browser, instances, "/Projects", page => Assert.Contains("跨实例改名的项目", page, StringComparison.Ordinal));

            // The instances saw the client's own address (forwarded by nginx), not nginx's.
            await using (var db = database.NewContext())
            {
                var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.AccountLoginSucceeded);
                Assert.Contains($"来源地址 {ClientAddress}", entry.Details, StringComparison.Ordinal);
            }

            // PostgreSQL goes away and comes back: both instances are ready again soon after.
            postgres.Halt();
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(await instances[0].IsReadyAsync(direct));
            postgres.Resume();
            var back = Stopwatch.StartNew();
            await Task.WhenAll(instances.Select(i => i.WaitUntilReadyAsync(direct, TimeSpan.FromSeconds(10))));
            output.WriteLine($"Both instances ready {back.Elapsed.TotalSeconds:F1} s after PostgreSQL's return.");
            NpgsqlConnection.ClearAllPools(); // this test's own connections died with the server (the portal's context adds settings, so its pool is another)

            // Both instances run their reminder pass at the same moment: each reminder is mailed once.
            Assert.True(DateTimeOffset.UtcNow < reminderAt, "Start-up took too long: the reminder pass ran before the test was ready for it.");
            await Task.Delay(reminderAt - DateTimeOffset.UtcNow);
            var mails = await MailsAsync(mailFolder, reminderRecipients.Count);
            Assert.Equal(reminderRecipients.Order(), mails.Select(m => m.To).Order());
            await using (var db = database.NewContext())
            {
                Assert.Equal(mails.Count, await db.SentReminders.CountAsync());
            }

            output.WriteLine($"{mails.Count} reminders, {mails.Count} mails ({mails.Select(m => m.To).Distinct().Count()} recipients).");

            // Metrics: a scraper connecting to an instance directly reads them; the same path through nginx (which also
            // connects from loopback) is 404.
            using var scrape = await direct.GetAsync($"http://127.0.0.1:{instances[0].Port}/metrics");
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            Assert.Contains("http_server_request_duration_seconds_bucket{", await scrape.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var publicScrape = await browser.Http.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.NotFound, publicScrape.StatusCode);

            // One instance dies in the middle of a burst: nginx sends its requests to the other.
            var failed = await BurstWithCrashAsync(browser, instances[0], requests: 200);
            output.WriteLine($"{failed} of 200 requests failed while an instance was killed.");
            Assert.True(failed < 2, $"{failed} of 200 requests failed");
        }
        finally
        {
            nginx?.Dispose();
            instances.ForEach(i => i.Dispose());
            postgres.Stop();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What Production requires (README "Production settings"), with nginx on this machine as the trusted proxy.</summary>
    private static Dictionary<string, string> ProductionSettings(string folder, string connectionString, string mailFolder)
    {
        var keyRing = Path.Combine(folder, "keyring.pfx");
        TestKeyRing.WritePfx(keyRing, "deploy-pass");
        return new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AllowedHosts"] = "127.0.0.1",
            ["ConnectionStrings:Postgres"] = connectionString,
            ["DataProtection:CertificatePath"] = keyRing,
            ["DataProtection:CertificatePassword"] = "deploy-pass",
            ["Portal:PublicBaseUrl"] = PortalApp.PublicBaseUrl,
            ["Portal:SeedDemoData"] = "false",
            ["ReverseProxy:KnownProxies:0"] = "127.0.0.1",
            ["Mail:PickupDirectory"] = mailFolder,
            ["Mail:OutboxPollInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Portal:Metrics:Enabled"] = "true",
        };
    }

    /// <summary>A reviewer, and an overdue close-out whose host and applicant units each have an organizer to remind.</summary>
    /// <summary>Ten requests for <paramref name="path"/> through nginx: every answer a 200 that passes
    /// <paramref name="check"/> (not a redirect to http or to the log-in page), and both instances among those answering.</summary>
    private static async Task ServedByBothAsync(PortalClient browser, IReadOnlyList<PortalProcess> instances, string path, Action<string> check)
    {
        var servedBy = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            using var page = await browser.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            check(await page.Content.ReadAsStringAsync());
            servedBy.Add(page.Headers.GetValues(NginxProxy.UpstreamHeader).Single());
        }

        Assert.Equal(instances.Select(i => $"127.0.0.1:{i.Port}").Order(), servedBy.Order());
    }

    private static async Task<(string ReviewerEmail, List<string> ReminderRecipients, Guid ProjectId)> SeedAsync(PortalTestHost host)
    {
        var graph = await ProjectGraph.SaveApprovedAsync(host.NewContext());
        var users = host.Get<UserManager<PortalUser>>();
        var reviewer = await CreateUserAsync(users, PortalRoles.Reviewer, null);
        var recipients = new List<string>
        {
            await CreateUserAsync(users, PortalRoles.Organizer, graph.Host.Id),
            await CreateUserAsync(users, PortalRoles.Organizer, graph.Applicant.Id),
        };
        return (reviewer, recipients, graph.Project.Id);
    }

    private static async Task<string> CreateUserAsync(UserManager<PortalUser> users, string role, Guid? organizationId)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        var user = new PortalUser { UserName = email, Email = email, DisplayName = role, OrganizationId = organizationId, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, ReviewerPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    /// <summary>A browser on 127.0.0.2 speaking TLS to nginx (whose certificate is self-signed), with its own cookies.</summary>
    private static PortalClient Browser(int port)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(IPAddress.Parse(ClientAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new PortalClient(new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>The mails in the pickup folder once <paramref name="expected"/> have arrived and a moment passed for any duplicate.</summary>
    private static async Task<List<(string To, string Subject)>> MailsAsync(string mailFolder, int expected)
    {
        var clock = Stopwatch.StartNew();
        while (Directory.GetFiles(mailFolder, "*.eml").Length < expected && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        return Directory.GetFiles(mailFolder, "*.eml")
            .Select(path => MimeKit.MimeMessage.Load(path))
            .Select(message => (message.To.Mailboxes.Single().Address, message.Subject ?? string.Empty))
            .ToList();
    }

    /// <summary>Sends <paramref name="requests"/> signed-in GETs, four at a time, killing <paramref name="victim"/> after a quarter; returns how many failed.</summary>
    private static async Task<int> BurstWithCrashAsync(PortalClient browser, PortalProcess victim, int requests)
    {
        var started = 0;
        var failed = 0;
        async Task WorkAsync()
        {
            while (Interlocked.Increment(ref started) is var n && n <= requests)
            {
                if (n == requests / 4)
                {
                    victim.Kill();
                }

                try
                {
                    using var response = await browser.Http.GetAsync(SignedInPage);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => WorkAsync()));
        return failed;
    }
}
