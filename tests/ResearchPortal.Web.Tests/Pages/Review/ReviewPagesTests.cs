using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Review;

[Collection(PortalCollections.Projects)]
public sealed class ReviewPagesTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task Returning_a_filing_without_a_comment_is_refused_next_to_the_comment()
    {
        var project = await ReviewData.SaveSubmittedFilingAsync(app);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var url = $"/Review/Filing?projectId={project.Id}";

        var response = await reviewer.PostFormAsync(url + "&handler=Return", new()
        {
            ["Input.Comment"] = "  ",
            ["Input.ConcurrencyToken"] = await ReviewData.ConcurrencyTokenAsync(reviewer, url),
        }, formPage: url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写退回原因。", await response.Content.ReadAsStringAsync());
        Assert.Equal(FilingStatus.Submitted, (await ReviewData.FilingAsync(app, project.Id)).Status);
    }

    [Fact]
    public async Task Returning_a_filing_with_a_comment_saves_audits_and_mails_the_host_organizer()
    {
        var project = await ReviewData.SaveSubmittedFilingAsync(app);
        var organizer = await app.CreateUserAsync(PortalRoles.Organizer, project.HostOrganizationId);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer, displayName: "王审核"));
        var url = $"/Review/Filing?projectId={project.Id}";
        Assert.Contains("济南市历下区培训中心", await reviewer.GetPageAsync(url));

        var response = await reviewer.PostFormAsync(url + "&handler=Return", new()
        {
            ["Input.Comment"] = "请补充授课专家职称。",
            ["Input.ConcurrencyToken"] = await ReviewData.ConcurrencyTokenAsync(reviewer, url),
        }, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Review/Filings", response.Headers.Location?.OriginalString);
        var filing = await ReviewData.FilingAsync(app, project.Id);
        Assert.Equal(FilingStatus.Returned, filing.Status);
        Assert.Equal("请补充授课专家职称。", filing.LastReviewComment);
        await using var db = app.NewContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.PlanProjectId == project.Id && e.Action == "Filing.Returned");
        Assert.Equal("王审核", entry.UserName);
        var mails = app.MailFiles().Select(File.ReadAllText);
        Assert.Contains(mails, mail => mail.Contains(organizer.Email!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approving_a_filing_moves_it_to_approved_and_off_the_queue()
    {
        var project = await ReviewData.SaveSubmittedFilingAsync(app);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        Assert.Contains(project.ProjectNumber, await reviewer.GetPageAsync("/Review/Filings"));
        var url = $"/Review/Filing?projectId={project.Id}";

        var response = await reviewer.PostFormAsync(url + "&handler=Approve", new()
        {
            ["Input.Comment"] = string.Empty,
            ["Input.ConcurrencyToken"] = await ReviewData.ConcurrencyTokenAsync(reviewer, url),
        }, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FilingStatus.Approved, (await ReviewData.FilingAsync(app, project.Id)).Status);
        Assert.DoesNotContain(project.ProjectNumber, await reviewer.GetPageAsync("/Review/Filings"));
    }

    [Fact]
    public async Task A_stale_decision_form_is_refused_with_the_conflict_message()
    {
        var project = await ReviewData.SaveSubmittedFilingAsync(app);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var url = $"/Review/Filing?projectId={project.Id}";
        var staleToken = await ReviewData.ConcurrencyTokenAsync(reviewer, url);
        await using (var db = app.NewContext())
        {
            // Someone else changes the row meanwhile (any update gives it a new version).
            var filing = await db.Filings.SingleAsync(f => f.PlanProjectId == project.Id);
            db.Entry(filing).State = EntityState.Modified;
            await db.SaveChangesAsync();
        }

        var response = await reviewer.PostFormAsync(url + "&handler=Approve", new()
        {
            ["Input.Comment"] = "同意",
            ["Input.ConcurrencyToken"] = staleToken,
        }, formPage: url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(AggregateSave.ConflictMessage, html);
        Assert.Contains("同意", html); // the comment is kept
        Assert.Equal(FilingStatus.Submitted, (await ReviewData.FilingAsync(app, project.Id)).Status);
    }

    [Fact]
    public async Task Accepting_a_close_out_records_it_as_accepted()
    {
        var project = await ReviewData.SaveSubmittedCloseOutAsync(app);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        Assert.Contains(project.ProjectNumber, await reviewer.GetPageAsync("/Review/CloseOuts"));
        var url = $"/Review/CloseOut?projectId={project.Id}";

        var response = await reviewer.PostFormAsync(url + "&handler=Approve", new()
        {
            ["Input.Comment"] = "材料齐全。",
            ["Input.ConcurrencyToken"] = await ReviewData.ConcurrencyTokenAsync(reviewer, url),
        }, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewContext();
        var closeOut = await db.CloseOuts.SingleAsync(c => c.PlanProjectId == project.Id);
        Assert.Equal(CloseOutStatus.Accepted, closeOut.Status);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.PlanProjectId == project.Id && e.Action == "CloseOut.Accepted"));
    }

    [Fact]
    public async Task A_spot_check_is_recorded_and_listed()
    {
        var project = await ReviewData.SaveSubmittedFilingAsync(app);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var url = $"/Review/SpotChecks?projectId={project.Id}";

        var response = await reviewer.PostFormAsync(url, new()
        {
            ["Input.Date"] = "2025-05-30",
            ["Input.Inspector"] = "李检查",
            ["Input.Findings"] = "现场签到表齐全。",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("现场签到表齐全。", await reviewer.GetPageAsync(url));
    }

    [Theory]
    [InlineData("0001-01-03")]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    public async Task A_date_outside_2000_to_2100_is_refused_in_chinese_and_nothing_is_stored(string date)
    {
        var project = await ReviewData.SaveSubmittedFilingAsync(app);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var url = $"/Review/SpotChecks?projectId={project.Id}";

        var response = await reviewer.PostFormAsync(url, new()
        {
            ["Input.Date"] = date,
            ["Input.Inspector"] = "李检查",
            ["Input.Findings"] = "日期输错。",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("检查日期须在 2000 年至 2100 年之间。", await response.Content.ReadAsStringAsync());
        await using var db = app.NewContext();
        Assert.False(await db.SpotChecks.AnyAsync(c => c.PlanProjectId == project.Id));
    }

    [Fact]
    public async Task A_stored_filing_dated_year_1_breaks_no_province_wide_list()
    {
        var project = await ReviewData.SaveSubmittedFilingAsync(app);
        await using (var db = app.NewContext())
        {
            // A record from before the date bounds existed, written straight to the table.
            await db.Database.ExecuteSqlAsync($"UPDATE \"Filings\" SET \"StartDate\" = '0001-01-03', \"EndDate\" = '0001-01-05' WHERE \"PlanProjectId\" = {project.Id}");
        }

        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        foreach (var url in new[] { "/Projects", $"/Projects?Year={project.Year}", "/Review/Deadlines", "/Review/Filings", "/Spreadsheets/AllProjects" })
        {
            Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(url)).StatusCode);
        }

        Assert.Contains(project.ProjectNumber, await reviewer.GetPageAsync($"/Projects?Year={project.Year}"));
    }

    public static TheoryData<string> ReviewerPages() => new()
    {
        "/Review/Filings", "/Review/CloseOuts", "/Review/Outcomes", "/Review/Deadlines",
        "/Admin/PlanYears", "/Admin/Organizations", "/Admin/Accounts", "/Admin/Calendar", "/Admin/Audit",
    };

    [Theory]
    [MemberData(nameof(ReviewerPages))]
    public async Task Only_reviewers_reach_the_review_and_admin_pages(string url)
    {
        using var organizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer));
        using var trainee = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Trainee));
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        using var anonymous = app.Anonymous();

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(organizer, url));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(trainee, url));
        await reviewer.GetPageAsync(url);
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Project_review_pages_refuse_non_reviewers_even_for_their_own_project()
    {
        var project = await ReviewData.SaveSubmittedFilingAsync(app);
        using var hostOrganizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, project.HostOrganizationId));

        foreach (var url in new[] { "/Review/Filing", "/Review/CloseOut", "/Review/SpotChecks" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(hostOrganizer, $"{url}?projectId={project.Id}"));
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(PortalClient client, string url)
    {
        // The access-denied page is a redirect target; the cookie handler answers 302 to it for a signed-in user.
        var response = await client.GetAsync(url);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true
            ? HttpStatusCode.Forbidden
            : response.StatusCode;
    }
}
