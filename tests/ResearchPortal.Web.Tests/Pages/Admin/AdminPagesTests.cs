using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Pages.Review;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Admin;

[Collection(PortalCollections.Accounts)]
public sealed class AdminPagesTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task A_duplicate_project_number_in_the_same_year_is_refused_next_to_the_field()
    {
        var existing = await ReviewData.SaveSubmittedFilingAsync(app);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var url = $"/Admin/Projects?year={existing.Year}";

        var response = await reviewer.PostFormAsync(url, new()
        {
            ["Input.ProjectNumber"] = existing.ProjectNumber,
            ["Input.Name"] = "另一个研修班",
            ["Input.Field"] = "医学",
            ["Input.ApplicantOrganizationId"] = existing.ApplicantOrganizationId.ToString(),
            ["Input.HostOrganizationId"] = existing.HostOrganizationId.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"项目编号“{existing.ProjectNumber}”在 {existing.Year} 年度已存在", html);
        Assert.Contains("另一个研修班", html); // what the reviewer typed is kept
        await using var db = app.NewContext();
        Assert.Equal(1, await db.PlanProjects.CountAsync(p => p.Year == existing.Year && p.ProjectNumber == existing.ProjectNumber));
    }

    [Fact]
    public async Task A_new_project_is_created_and_audited()
    {
        var existing = await ReviewData.SaveSubmittedFilingAsync(app);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var number = $"N{Guid.NewGuid():N}"[..10];

        var response = await reviewer.PostFormAsync($"/Admin/Projects?year={existing.Year}", new()
        {
            ["Input.ProjectNumber"] = number,
            ["Input.Name"] = "智能制造高级研修班",
            ["Input.Field"] = "工程",
            ["Input.ApplicantOrganizationId"] = existing.ApplicantOrganizationId.ToString(),
            ["Input.HostOrganizationId"] = existing.HostOrganizationId.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewContext();
        var project = await db.PlanProjects.SingleAsync(p => p.ProjectNumber == number);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.PlanProjectId == project.Id && e.Action == "PlanProject.Created"));
    }

    [Fact]
    public async Task An_organizer_account_created_by_the_reviewer_can_log_in_for_its_unit()
    {
        var unit = Organization(city: "烟台");
        await using (var db = app.NewContext())
        {
            db.Add(unit);
            await db.SaveChangesAsync();
        }

        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var email = $"organizer-{Guid.NewGuid():N}@test.local";
        var response = await reviewer.PostFormAsync("/Admin/Accounts?handler=Create", new()
        {
            ["Input.Role"] = PortalRoles.Organizer,
            ["Input.OrganizationId"] = unit.Id.ToString(),
            ["Input.DisplayName"] = "赵组织",
            ["Input.Email"] = email,
            ["Input.Password"] = "Initial2025x",
        }, formPage: "/Admin/Accounts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(email, "Initial2025x")).StatusCode);
        await using var check = app.NewContext();
        var user = await check.Users.SingleAsync(u => u.Email == email);
        Assert.Equal(unit.Id, user.OrganizationId);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == "Account.Created" && e.Subject.Contains(email)));
    }

    [Fact]
    public async Task A_weak_initial_password_is_refused_with_identity_s_chinese_message()
    {
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        var response = await reviewer.PostFormAsync("/Admin/Accounts?handler=Create", new()
        {
            ["Input.Role"] = PortalRoles.Reviewer,
            ["Input.DisplayName"] = "钱审核",
            ["Input.Email"] = $"weak-{Guid.NewGuid():N}@test.local",
            ["Input.Password"] = "short",
        }, formPage: "/Admin/Accounts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("密码至少 10 位。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_disabled_account_cannot_log_in()
    {
        var organizer = await app.CreateUserAsync(PortalRoles.Organizer);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        var response = await reviewer.PostFormAsync($"/Admin/Accounts?handler=Disable&id={organizer.Id}", [], formPage: "/Admin/Accounts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var login = await LoginAsync(organizer.Email!, PortalApp.Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("该账号已被停用", await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one()
    {
        var organizer = await app.CreateUserAsync(PortalRoles.Organizer);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        var response = await reviewer.PostFormAsync($"/Admin/AccountPassword?id={organizer.Id}", new() { ["Input.NewPassword"] = "Renewed2025y" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(organizer.Email!, PortalApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(organizer.Email!, "Renewed2025y")).StatusCode);
    }

    [Fact]
    public async Task Adding_an_adjusted_workday_moves_the_latest_filing_date_on_the_deadline_dashboard()
    {
        // Class 2025-06-23 (Mon): the 10th working day before is 2025-06-09; with Saturday 06-14 worked it is 06-10.
        var project = await ReviewData.SaveProjectAsync(app, (project, _) =>
        {
            var filing = Filing.Start(project.Id);
            Ok(filing.UpdateDetails(new FilingDetails(
                "济南", new DateOnly(2025, 6, 23), new DateOnly(2025, 6, 27), null, null, null, 40, Sessions())));
            return filing;
        });
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        Assert.Contains("备案截止 2025年6月9日", await reviewer.GetPageAsync("/Review/Deadlines"));

        var response = await reviewer.PostFormAsync("/Admin/Calendar?year=2025&handler=AddWorkday", new()
        {
            ["Workday.Date"] = "2025-06-14",
            ["Workday.Name"] = "测试调休上班",
        }, formPage: "/Admin/Calendar?year=2025");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var dashboard = await reviewer.GetPageAsync("/Review/Deadlines");
        Assert.Contains(project.ProjectNumber, dashboard);
        Assert.Contains("备案截止 2025年6月10日", dashboard);
        Assert.DoesNotContain("备案截止 2025年6月9日", dashboard);
    }

    [Fact]
    public async Task A_weekday_cannot_be_added_as_an_adjusted_workday()
    {
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        var response = await reviewer.PostFormAsync("/Admin/Calendar?year=2025&handler=AddWorkday", new()
        {
            ["Workday.Date"] = "2025-06-11",
            ["Workday.Name"] = "周三",
        }, formPage: "/Admin/Calendar?year=2025");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("不是周六或周日", await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> LoginAsync(string email, string password)
    {
        using var client = app.Anonymous();
        return await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }
}
