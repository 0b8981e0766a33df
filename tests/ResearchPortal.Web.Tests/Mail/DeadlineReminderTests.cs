using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Infrastructure.Mail;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Mail;

/// <summary>
/// The seminar ends 2025-09-19, so its close-out is due 2025-10-16 (15 working days, across 国庆 and two 调休 days).
/// The reminder goes out once when 3 working days or fewer remain, and once when overdue.
/// </summary>
public sealed class DeadlineReminderTests
{
    [Theory]
    [InlineData("2025-10-10", 0)] // 4 working days left (10/11 is a 调休 Saturday): too early
    [InlineData("2025-10-13", 1)] // 3 working days left: due soon
    [InlineData("2025-10-17", 1)] // a day late: overdue
    public async Task Sends_each_reminder_once_when_it_is_due(string today, int expected)
    {
        await using var app = new PortalApp { Today = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture) };
        await app.InitializeAsync();
        var graph = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var organizer = await app.CreateUserAsync(Data.PortalRoles.Organizer, graph.Host.Id);

        // The first run after the seminar also asks the applicant unit for its score (no organizer there to mail).
        Assert.Equal(expected + 1, await RunRemindersAsync(app));
        Assert.Equal(0, await RunRemindersAsync(app));

        var mails = app.MailFiles();
        Assert.Equal(expected, mails.Length);
        if (expected > 0)
        {
            var text = await File.ReadAllTextAsync(mails.Single());
            Assert.Contains(organizer.Email!, text, StringComparison.Ordinal);
        }
    }

    private static async Task<int> RunRemindersAsync(PortalApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().SendDueAsync();
    }
}

/// <summary>A failing run is logged and retried tomorrow; it never ends the portal's host.</summary>
public sealed class DeadlineReminderWorkerTests
{
    [Fact]
    public async Task A_run_that_fails_for_any_reason_is_logged_not_thrown()
    {
        // No DeadlineReminders registered: resolving it throws, as a database outage or a mail server's TLS error would.
        var scopes = new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();
        var log = new RecordingLogger();
        var worker = new DeadlineReminderWorker(scopes, TimeProvider.System, Options.Create(new MailOptions()), log);

        await worker.RunOnceAsync(CancellationToken.None);

        Assert.Contains(log.Errors, error => error is InvalidOperationException);
    }

    private sealed class RecordingLogger : ILogger<DeadlineReminderWorker>
    {
        public List<Exception?> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error)
            {
                Errors.Add(exception);
            }
        }
    }
}
