using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Pages.Account;
using ResearchPortal.Web.Tests.Pages.Enrollments;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Security;

/// <summary>The log of a whole journey holds no e-mail address and no ID number, and every request line carries its trace id.</summary>
public sealed partial class LogPrivacyTests
{
    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    [Fact]
    public async Task Registration_enrollment_and_acceptance_log_no_email_address_or_id_number()
    {
        var logs = new LogCapture();
        await using var app = new PortalApp { Logs = logs };
        await app.InitializeAsync();
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var email = AccountForms.NewEmail("trainee");
        var id = TestData.IdNumber(9_001);

        // Registration with its confirmation mail, a failed and a good log-in, the receipt, the organizer's acceptance.
        using var trainee = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await trainee.RegisterAsync(email, PortalApp.Password, name: "罗日志")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await trainee.GetAsync(app.MailedLink(email, "/Account/ConfirmEmail"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await trainee.LogInAsync(email, "Wrong-Pass2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await trainee.LogInAsync(email, PortalApp.Password)).StatusCode);
        var enrollUrl = $"/Enrollments/New?projectId={seminar.Project.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await trainee.PostFormAsync(enrollUrl, EnrollmentPagesTests.Fields("罗日志", id.Value))).StatusCode);
        Guid receiptId;
        await using (var db = app.NewContext())
        {
            receiptId = await app.Services.GetRequiredService<IdNumberLookup>().Matching(db.EnrollmentReceipts, id).Select(r => r.Id).SingleAsync();
        }

        using var organizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));
        var queue = $"/Enrollments/Queue?projectId={seminar.Project.Id}";
        var accepted = await organizer.PostFormAsync($"{queue}&handler=Accept", new() { ["Decision.ReceiptId"] = receiptId.ToString() }, formPage: queue);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var lines = logs.Lines;
        Assert.Contains(app.Mails(), mail => mail.To == email && mail.Subject.StartsWith("【报名成功】", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains($"Recipient={Masking.Email(email)}", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("/Enrollments/Queue", StringComparison.Ordinal) && line.Contains("TraceId=", StringComparison.Ordinal));
        Assert.All(lines, line =>
        {
            Assert.False(EmailAddress().IsMatch(line), $"e-mail address in the log: {line}");
            Assert.DoesNotContain(id.Value, line, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Text_from_a_mail_server_is_masked_for_the_log()
    {
        var id = TestData.IdNumber(9_003).Value;

        var masked = Masking.ForLog($"5.1.1 <zhang.san@example.cn>: Recipient address rejected (ref {id})");

        Assert.Equal("5.1.1 <z***@example.cn>: Recipient address rejected (ref [身份证号])", masked);
    }
}
