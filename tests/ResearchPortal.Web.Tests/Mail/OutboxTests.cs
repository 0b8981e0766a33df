using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Mail;

/// <summary>Mails leave through the outbox: committed with their change or not at all, sent once by one sender at a
/// time across instances, retried with growing delays, and shown to the reviewer when they keep failing.</summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task A_notification_rolled_back_with_its_change_is_never_sent()
    {
        await using var app = new PortalApp();
        await app.InitializeAsync();
        var reviewer = await app.CreateUserAsync(PortalRoles.Reviewer);
        var graph = await ProjectGraph.SaveApprovedAsync(app.NewContext());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<PortalNotifications>().FilingSubmittedAsync(graph.Project);
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.OutboxMails.CountAsync()); // written inside the change's transaction…
            await transaction.RollbackAsync();                   // …and gone with it
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await scope.ServiceProvider.GetRequiredService<PortalNotifications>().FilingSubmittedAsync(graph.Project);
            await db.SaveChangesAsync(); // the same notification, committed this time
        }

        var mail = Assert.Single(MailBox.All(app));
        Assert.Equal(reviewer.Email, mail.To);
    }

    [Fact]
    public async Task Two_instances_sending_from_one_database_send_each_mail_once()
    {
        await using var first = new PortalApp();
        await first.InitializeAsync();
        await using var second = new PortalApp
        {
            Settings = new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = first.ConnectionString },
        };
        await second.InitializeAsync();
        const int count = 60;
        await using (var db = first.NewContext())
        {
            var now = first.Services.GetRequiredService<PortalClock>().Now;
            db.OutboxMails.AddRange(Enumerable.Range(1, count).Select(i => new OutboxMail($"user{i}@test.local", "学员", $"邮件 {i}", "正文", now)));
            await db.SaveChangesAsync();
        }

        // Both instances try passes at once, as their workers would; the advisory lock lets one at a time through.
        var passes = Enumerable.Range(0, 8).Select(i => Task.Run(() => SendDueAsync(i % 2 == 0 ? first : second)));
        await Task.WhenAll(passes);
        await first.FlushOutboxAsync();
        await second.FlushOutboxAsync();

        var subjects = MailBox.All(first).Concat(MailBox.All(second)).Select(mail => mail.Subject).ToList();
        Assert.Equal(count, subjects.Count);
        Assert.Equal(count, subjects.Distinct().Count());
        await using var check = first.NewContext();
        Assert.Equal(count, await check.OutboxMails.CountAsync(m => m.SentAt != null));
    }

    [Fact]
    public async Task Reminder_passes_of_two_instances_at_once_mail_each_reminder_once()
    {
        var dueSoon = new DateOnly(2025, 10, 13); // 3 working days before the close-out falls due (DeadlineReminderTests)
        await using var first = new PortalApp { Today = dueSoon };
        await first.InitializeAsync();
        await using var second = new PortalApp
        {
            Today = dueSoon,
            Settings = new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = first.ConnectionString },
        };
        await second.InitializeAsync();
        var graph = await ProjectGraph.SaveApprovedAsync(first.NewContext());
        var organizer = await first.CreateUserAsync(PortalRoles.Organizer, graph.Host.Id);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => RunRemindersAsync(i % 2 == 0 ? first : second))));

        var mails = MailBox.All(first).Concat(MailBox.All(second)).ToList();
        var mail = Assert.Single(mails); // the applicant unit, asked for its score too, has no organizer to mail
        Assert.Equal(organizer.Email, mail.To);
        await using var db = first.NewContext();
        Assert.Equal(2, await db.SentReminders.CountAsync(r => r.PlanProjectId == graph.Project.Id));
    }

    [Fact]
    public async Task An_unreachable_mail_server_is_retried_with_growing_delays_and_the_failure_shown_to_the_reviewer()
    {
        await using var app = new PortalApp
        {
            Settings = new Dictionary<string, string>
            {
                ["Mail:SmtpHost"] = "127.0.0.1",
                ["Mail:SmtpPort"] = ClosedPort().ToString(CultureInfo.InvariantCulture),
                ["Mail:MaxAttempts"] = "3",
                ["Mail:FirstRetryDelay"] = "00:00:01",
                ["Mail:BacklogMaxAge"] = "00:00:01",
            },
        };
        await app.InitializeAsync();
        var reviewer = await app.CreateUserAsync(PortalRoles.Reviewer, displayName: "王审核");
        var graph = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalNotifications>().FilingSubmittedAsync(graph.Project);
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        }

        await app.FlushOutboxAsync();
        var afterFirst = await SingleMailAsync(app);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Contains("SocketException", afterFirst.LastError);
        Assert.InRange(afterFirst.NextAttemptAt - Now(app), TimeSpan.Zero, TimeSpan.FromSeconds(1));

        await app.FlushOutboxAsync(); // not due yet: the delay holds
        Assert.Equal(1, (await SingleMailAsync(app)).Attempts);

        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await app.FlushOutboxAsync();
        var afterSecond = await SingleMailAsync(app);
        Assert.Equal(2, afterSecond.Attempts);
        Assert.InRange(afterSecond.NextAttemptAt - Now(app), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)); // doubled

        await Task.Delay(TimeSpan.FromSeconds(2.1));
        await app.FlushOutboxAsync();
        Assert.Equal(3, (await SingleMailAsync(app)).Attempts); // the last attempt: it now waits for a reviewer
        Assert.Empty(Directory.GetFiles(app.MailFolder));

        var ready = await app.Anonymous().GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode); // a mail-server outage leaves the instance in the balancer
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());

        using var client = await app.LoginAsync(reviewer);
        var page = await client.GetPageAsync("/Admin/Mail");
        Assert.Contains("发送失败", page);
        Assert.Contains($"【待审核】{graph.Project.ProjectNumber}", page);
        Assert.Contains("SocketException", page);
        Assert.Contains(Masking.Email(reviewer.Email!), page);
        Assert.DoesNotContain(reviewer.Email!, page);

        var resend = await client.PostFormAsync($"/Admin/Mail?handler=Resend&id={afterSecond.Id}", [], "/Admin/Mail");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var resent = await SingleMailAsync(app);
        Assert.Equal(0, resent.Attempts);
        await using var db = app.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.MailResent && e.UserName == "王审核"));
    }

    [Theory]
    [InlineData("2026-11-29T23:00:00Z", "2026-11-29T23:30:00Z")] // 07:00 in China: this morning
    [InlineData("2026-11-29T23:30:00Z", "2026-11-29T23:30:00Z")] // exactly then: now
    [InlineData("2026-11-29T23:45:00Z", "2026-11-30T23:30:00Z")] // 07:45: tomorrow
    [InlineData("2026-11-30T16:30:00Z", "2026-11-30T23:30:00Z")] // 00:30 on 1 December in China, still 30 November in UTC
    [InlineData("2026-12-31T22:00:00Z", "2026-12-31T23:30:00Z")] // 06:00 on New Year's Day in China
    public void The_reminder_pass_runs_next_at_07_30_China_time(string now, string expected)
    {
        var next = ReminderSchedule.NextRun(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), new TimeOnly(7, 30));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), next);
        Assert.Equal(new TimeOnly(7, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime));
    }

    /// <summary>The app's "now": its pinned day at the real time of day.</summary>
    private static DateTimeOffset Now(PortalApp app) => app.Services.GetRequiredService<PortalClock>().Now;

    private static async Task<int> SendDueAsync(PortalApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(waitForOtherSender: false);
    }

    private static async Task RunRemindersAsync(PortalApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().SendDueAsync();
    }

    private static async Task<OutboxMail> SingleMailAsync(PortalApp app)
    {
        await using var db = app.NewContext();
        return await db.OutboxMails.AsNoTracking().SingleAsync();
    }

    /// <summary>A loopback port nothing listens on: connecting is refused at once.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
