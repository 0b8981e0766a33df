using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Pages.Enrollments;
using ResearchPortal.Web.Tests.Pages.Review;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Mail.MailBox;

namespace ResearchPortal.Web.Tests.Mail;

/// <summary>
/// Who is told what, and that each mail links to the page where that person acts, built from Portal:PublicBaseUrl
/// (<see cref="PortalApp.PublicBaseUrl"/>, with a path) even when the request came in on another host.
/// </summary>
public sealed class NotificationTests
{
    private const string ForgedHost = "evil.example";

    [Fact]
    public async Task Submitting_a_close_out_mails_every_reviewer_a_link_to_its_review_page()
    {
        await using var app = await StartAsync(TestData.AfterSeminar);
        var graph = await RosterGraph.SaveAsync(app, 30);
        var reviewers = new[] { await app.CreateUserAsync(PortalRoles.Reviewer), await app.CreateUserAsync(PortalRoles.Reviewer) };
        using var applicant = await graph.ApplicantOrganizerAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFormAsync($"/CloseOuts/ApplicantScore?{graph.Query}", new() { ["Input.Score"] = "90" })).StatusCode);
        using var host = await graph.HostOrganizerAsync(app);
        host.Http.DefaultRequestHeaders.Host = ForgedHost;

        var response = await host.PostFormAsync($"/CloseOuts/Edit?{graph.Query}&handler=Submit", await CompleteCloseOutFieldsAsync(host, graph), $"/CloseOuts/Edit?{graph.Query}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var reviewer in reviewers)
        {
            var mail = Assert.Single(MailBox.To(app, reviewer.Email!));
            Assert.Contains("已提交结业材料", mail.Subject);
            Assert.Equal(LinkTo($"/Review/CloseOut?projectId={graph.Project.Id}"), mail.Link);
        }

        Assert.All(MailBox.All(app), mail => Assert.DoesNotContain(ForgedHost, mail.Body));
    }

    [Fact]
    public async Task The_hosts_first_close_out_save_asks_the_applicant_unit_for_its_score_once()
    {
        await using var app = await StartAsync(TestData.AfterSeminar);
        var graph = await RosterGraph.SaveAsync(app, 30);
        var applicantOrganizer = await app.CreateUserAsync(PortalRoles.Organizer, graph.Applicant.Id);
        using var host = await graph.HostOrganizerAsync(app);
        var url = $"/CloseOuts/Edit?{graph.Query}";

        Assert.Equal(HttpStatusCode.Redirect, (await host.PostFormAsync($"{url}&handler=Save", new() { ["Input.ResponsiblePerson"] = "王负责人" }, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await host.PostFormAsync($"{url}&handler=Save", new()
        {
            ["Input.ResponsiblePerson"] = "王负责人",
            ["Input.ConcurrencyToken"] = await TokenAsync(host, url),
        }, url)).StatusCode);
        await RunDailyJobAsync(app);

        var mail = Assert.Single(MailBox.To(app, applicantOrganizer.Email!));
        Assert.Contains("请填写申报单位验收评分", mail.Subject);
        Assert.Contains("2025年10月16日", mail.Body); // the close-out's due date: 15 working days after 19 September
        Assert.Equal(LinkTo($"/CloseOuts/ApplicantScore?projectId={graph.Project.Id}"), mail.Link);
    }

    [Theory]
    [InlineData("2025-09-19", 0)] // the last day of the seminar: not yet
    [InlineData("2025-09-22", 1)] // the next working day
    public async Task The_daily_job_asks_for_the_applicant_score_once_the_seminar_has_ended(string today, int expected)
    {
        await using var app = await StartAsync(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        var graph = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var applicantOrganizer = await app.CreateUserAsync(PortalRoles.Organizer, graph.Applicant.Id);

        await RunDailyJobAsync(app);
        await RunDailyJobAsync(app);

        var mails = MailBox.To(app, applicantOrganizer.Email!);
        Assert.Equal(expected, mails.Count);
        Assert.All(mails, mail => Assert.Equal(LinkTo($"/CloseOuts/ApplicantScore?projectId={graph.Project.Id}"), mail.Link));
    }

    [Fact]
    public async Task No_score_request_goes_out_once_the_applicant_unit_has_scored()
    {
        await using var app = await StartAsync(TestData.AfterSeminar);
        var graph = await RosterGraph.SaveAsync(app, 30);
        using var applicant = await graph.ApplicantOrganizerAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFormAsync($"/CloseOuts/ApplicantScore?{graph.Query}", new() { ["Input.Score"] = "90" })).StatusCode);

        await RunDailyJobAsync(app);

        Assert.DoesNotContain(MailBox.All(app), mail => mail.Subject.Contains("验收评分", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approving_a_filing_mails_the_host_to_its_queue_and_the_applicant_unit_to_the_project()
    {
        await using var app = await StartAsync(TestData.Today);
        var project = await ReviewData.SaveSubmittedFilingAsync(app);
        var hostOrganizer = await app.CreateUserAsync(PortalRoles.Organizer, project.HostOrganizationId);
        var applicantOrganizer = await app.CreateUserAsync(PortalRoles.Organizer, project.ApplicantOrganizationId);

        await DecideAsync(app, $"/Review/Filing?projectId={project.Id}", "Approve", comment: "");

        Assert.Equal(LinkTo($"/Enrollments/Queue?projectId={project.Id}"), Assert.Single(MailBox.To(app, hostOrganizer.Email!)).Link);
        var applicantMail = Assert.Single(MailBox.To(app, applicantOrganizer.Email!));
        Assert.Contains("【备案通过】", applicantMail.Subject);
        Assert.Equal(LinkTo($"/Projects/Details?id={project.Id}"), applicantMail.Link);
    }

    [Fact]
    public async Task A_returned_or_accepted_close_out_is_mailed_to_the_applicant_unit()
    {
        await using var app = await StartAsync(TestData.AfterSeminar);
        var returned = await ReviewData.SaveSubmittedCloseOutAsync(app);
        var accepted = await ReviewData.SaveSubmittedCloseOutAsync(app);
        var returnedHost = await app.CreateUserAsync(PortalRoles.Organizer, returned.HostOrganizationId);
        var returnedApplicant = await app.CreateUserAsync(PortalRoles.Organizer, returned.ApplicantOrganizationId);
        var acceptedApplicant = await app.CreateUserAsync(PortalRoles.Organizer, accepted.ApplicantOrganizationId);

        await DecideAsync(app, $"/Review/CloseOut?projectId={returned.Id}", "Return", comment: "验收表缺少签章");
        await DecideAsync(app, $"/Review/CloseOut?projectId={accepted.Id}", "Approve", comment: "");

        Assert.Equal(LinkTo($"/CloseOuts/Edit?projectId={returned.Id}"), Assert.Single(MailBox.To(app, returnedHost.Email!)).Link);
        var toApplicant = Assert.Single(MailBox.To(app, returnedApplicant.Email!));
        Assert.Contains("验收表缺少签章", toApplicant.Body);
        Assert.Equal(LinkTo($"/CloseOuts/ApplicantScore?projectId={returned.Id}"), toApplicant.Link);
        var acceptance = Assert.Single(MailBox.To(app, acceptedApplicant.Email!));
        Assert.Contains("【结业材料已验收】", acceptance.Subject);
        Assert.Equal(LinkTo($"/Projects/Details?id={accepted.Id}"), acceptance.Link);
    }

    [Fact]
    public async Task Each_new_receipt_is_one_mail_per_host_organizer_and_a_confirmation_with_dates_and_venue_to_the_trainee()
    {
        await using var app = await StartAsync(TestData.Today);
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var recorder = await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id);
        var colleague = await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id);
        var applicantOrganizer = await app.CreateUserAsync(PortalRoles.Organizer, seminar.Applicant.Id);
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee);
        using var traineeClient = await app.LoginAsync(trainee);
        traineeClient.Http.DefaultRequestHeaders.Host = ForgedHost;
        var newUrl = $"/Enrollments/New?projectId={seminar.Project.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await traineeClient.PostFormAsync(newUrl, EnrollmentPagesTests.Fields("孙报名", TestData.IdNumber(7001).Value))).StatusCode);

        var confirmation = Assert.Single(MailBox.To(app, trainee.Email!));
        Assert.Contains("【报名回执已提交】", confirmation.Subject);
        Assert.Contains("研修时间：2025年9月15日至2025年9月19日", confirmation.Body);
        Assert.Contains("研修地点：济南市历下区培训中心", confirmation.Body);
        Assert.Equal(LinkTo("/Enrollments/Mine"), confirmation.Link);
        foreach (var organizer in new[] { recorder, colleague })
        {
            var mail = Assert.Single(MailBox.To(app, organizer.Email!));
            Assert.Contains("孙报名", mail.Subject);
            Assert.Equal(LinkTo($"/Enrollments/Queue?projectId={seminar.Project.Id}"), mail.Link);
        }

        Assert.Empty(MailBox.To(app, applicantOrganizer.Email!));

        // A receipt the host records: the colleague is told, the one who typed it is not; the trainee has no
        // account, so the address on the receipt gets the seminar's public page.
        using var host = await app.LoginAsync(recorder);
        var recordUrl = $"/Enrollments/Record?projectId={seminar.Project.Id}";
        var fields = EnrollmentPagesTests.Fields("何代录", TestData.IdNumber(7003).Value);
        fields["Input.Email"] = "paper-receipt@example.com";
        Assert.Equal(HttpStatusCode.Redirect, (await host.PostFormAsync(recordUrl, fields)).StatusCode);

        Assert.Single(MailBox.To(app, recorder.Email!));
        Assert.Equal(2, MailBox.To(app, colleague.Email!).Count);
        var paper = Assert.Single(MailBox.To(app, "paper-receipt@example.com"));
        Assert.Equal(LinkTo($"/Seminars/Details?projectId={seminar.Project.Id}"), paper.Link);
        Assert.All(MailBox.All(app), mail => Assert.DoesNotContain(ForgedHost, mail.Body));
    }

    [Fact]
    public async Task A_decided_receipt_links_the_trainee_to_my_enrollments()
    {
        await using var app = await StartAsync(TestData.Today);
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee);
        var receipt = TestData.Receipt(seminar.Filing, TestData.IdNumber(7005), "陈录取", traineeUserId: trainee.Id);
        await using (var db = app.NewContext())
        {
            db.EnrollmentReceipts.Add(receipt);
            await db.SaveChangesAsync();
        }

        using var host = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));
        var queue = $"/Enrollments/Queue?projectId={seminar.Project.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await host.PostFormAsync($"{queue}&handler=Accept", new() { ["Decision.ReceiptId"] = receipt.Id.ToString() }, queue)).StatusCode);

        var mail = Assert.Single(MailBox.To(app, trainee.Email!));
        Assert.Contains("【报名成功】", mail.Subject);
        Assert.Equal(LinkTo("/Enrollments/Mine"), mail.Link);
    }

    [Theory]
    [InlineData("https://yanxiu.example.cn", true)]
    [InlineData("http://localhost:5080/portal/", true)]
    [InlineData("", false)]
    [InlineData("yanxiu.example.cn", false)]
    [InlineData("ftp://yanxiu.example.cn", false)]
    [InlineData("https://yanxiu.example.cn/?a=1", false)]
    public void The_public_base_url_must_be_an_absolute_http_address(string value, bool valid)
    {
        var options = new PublicUrlOptions { PublicBaseUrl = value };
        var results = new List<ValidationResult>();

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.All(results, result => Assert.Contains("Portal:PublicBaseUrl", result.ErrorMessage));
    }

    private static async Task<PortalApp> StartAsync(DateOnly today)
    {
        var app = new PortalApp { Today = today };
        await app.InitializeAsync();
        return app;
    }

    private static async Task RunDailyJobAsync(PortalApp app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().SendDueAsync();
    }

    /// <summary>A reviewer approves or returns on the decision page, asking on a forged host.</summary>
    private static async Task DecideAsync(PortalApp app, string url, string handler, string comment)
    {
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        reviewer.Http.DefaultRequestHeaders.Host = ForgedHost;
        var response = await reviewer.PostFormAsync($"{url}&handler={handler}", new()
        {
            ["Input.Comment"] = comment,
            ["Input.ConcurrencyToken"] = await ReviewData.ConcurrencyTokenAsync(reviewer, url),
        }, url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<Dictionary<string, string>> CompleteCloseOutFieldsAsync(PortalClient host, RosterGraph graph)
    {
        var fields = SelfEvaluationSections.AllItems.ToDictionary(
            item => $"Input.Report.{item.FieldName}", item => item.ValueIn(TestData.Report())!);
        fields["Input.ResponsiblePerson"] = "王负责人";
        fields["Input.Phone"] = "0531-88888888";
        fields["Input.Summary"] = "研修按计划完成，效果良好。";
        fields["Input.HostScore"] = "88";
        fields["Input.ConcurrencyToken"] = await TokenAsync(host, $"/CloseOuts/Edit?{graph.Query}");
        return fields;
    }

    private static async Task<string> TokenAsync(PortalClient client, string url)
    {
        var match = Regex.Match(await client.GetPageAsync(url), "name=\"Input.ConcurrencyToken\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"No Input.ConcurrencyToken field on {url}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
