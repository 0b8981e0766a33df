using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Pages.Filings;
using ResearchPortal.Web.Tests.Pages.Review;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Saving;

/// <summary>
/// The one save path (<see cref="AggregateSave"/>) on each of the six pages that save an aggregate: a form from a stale
/// version gets the one conflict message with what was typed still in the form and nothing overwritten; a change to a
/// record its state no longer allows goes back to the page that shows it with the domain's reason and "您的修改没有保存。".
/// Runs after the seminar, when results and close-outs may be recorded.
/// </summary>
[Collection(PortalCollections.AfterSeminar)]
public sealed class SavePathTests(AfterSeminarPortal portal) : SharedPortalTests
{
    protected override PortalApp Portal => portal.App;

    [Fact]
    public async Task Filing_a_stale_form_keeps_what_was_typed()
    {
        var scenario = await FilingScenario.CreateAsync(Portal, FilingScenario.CompleteDraft);
        using var host = await scenario.LoginHostAsync(Portal);
        var stale = FilingScenario.TokenOf(await host.GetPageAsync(scenario.EditUrl));
        await TouchAsync(db => db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id));

        var response = await host.PostMultipartAsync(
            scenario.EditUrl + "&handler=Save", new() { ["Input.ConcurrencyToken"] = stale, ["Input.Venue"] = "我刚填写的地点" }, [], scenario.EditUrl);

        await AssertConflictAsync(response, "value=\"我刚填写的地点\"");
        await using var db = Portal.NewContext();
        Assert.Equal("济南市历下区培训中心", (await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id)).Venue);
    }

    [Fact]
    public async Task Filing_a_submitted_record_goes_to_its_details_with_the_reason()
    {
        var project = await ReviewData.SaveSubmittedFilingAsync(Portal);
        using var host = await OrganizerAsync(project.HostOrganizationId);
        var url = $"/Filings/Edit?projectId={project.Id}";

        var response = await host.PostMultipartAsync(url + "&handler=Save", new() { ["Input.Venue"] = "改个地点" }, [], $"/CloseOuts/Edit?projectId={project.Id}");

        await AssertNotEditableAsync(host, response, $"/Filings/Details?projectId={project.Id}", "备案当前状态为“已提交待审核”，不能修改。");
    }

    [Fact]
    public async Task Close_out_a_stale_form_keeps_what_was_typed()
    {
        var graph = await RosterGraph.SaveAsync(Portal, 3);
        using var host = await graph.HostOrganizerAsync(Portal);
        var url = $"/CloseOuts/Edit?{graph.Query}";
        Assert.Equal(HttpStatusCode.Redirect, (await host.PostFormAsync(url + "&handler=Save", new() { ["Input.Report.BasicInformation"] = "第一稿。" }, url)).StatusCode);
        var stale = FilingScenario.TokenOf(await host.GetPageAsync(url));
        await TouchAsync(db => db.CloseOuts.SingleAsync(c => c.PlanProjectId == graph.Project.Id));

        var response = await host.PostFormAsync(url + "&handler=Save", new()
        {
            ["Input.ConcurrencyToken"] = stale,
            ["Input.Report.BasicInformation"] = "我刚写的第二稿。",
        }, url);

        await AssertConflictAsync(response, "我刚写的第二稿。");
        await using var db = Portal.NewContext();
        Assert.Equal("第一稿。", (await db.CloseOuts.SingleAsync(c => c.PlanProjectId == graph.Project.Id)).Report.BasicInformation);
    }

    [Fact]
    public async Task Close_out_a_submitted_record_comes_back_read_only_with_the_reason()
    {
        var project = await ReviewData.SaveSubmittedCloseOutAsync(Portal);
        using var host = await OrganizerAsync(project.HostOrganizationId);
        var url = $"/CloseOuts/Edit?projectId={project.Id}";

        var response = await host.PostFormAsync(url + "&handler=Save", new() { ["Input.Report.BasicInformation"] = "再改一处。" }, url);

        await AssertNotEditableAsync(host, response, url, "结业材料当前状态为“已提交待审核”，不能修改。");
    }

    [Fact]
    public async Task Applicant_score_a_stale_form_keeps_the_typed_score()
    {
        var graph = await RosterGraph.SaveAsync(Portal, 3);
        using var applicant = await graph.ApplicantOrganizerAsync(Portal);
        var url = $"/CloseOuts/ApplicantScore?{graph.Query}";
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFormAsync(url, new() { ["Input.Score"] = "80" })).StatusCode);
        var stale = FilingScenario.TokenOf(await applicant.GetPageAsync(url));
        await TouchAsync(db => db.CloseOuts.SingleAsync(c => c.PlanProjectId == graph.Project.Id));

        var response = await applicant.PostFormAsync(url, new() { ["Input.ConcurrencyToken"] = stale, ["Input.Score"] = "77" });

        await AssertConflictAsync(response, "value=\"77\"");
        await using var db = Portal.NewContext();
        Assert.Equal(80, (await db.CloseOuts.SingleAsync(c => c.PlanProjectId == graph.Project.Id)).Acceptance.ApplicantScore!.Value);
    }

    [Fact]
    public async Task Applicant_score_on_a_submitted_close_out_comes_back_with_the_reason()
    {
        var project = await ReviewData.SaveSubmittedCloseOutAsync(Portal);
        using var applicant = await OrganizerAsync(project.ApplicantOrganizationId);
        var url = $"/CloseOuts/ApplicantScore?projectId={project.Id}";

        var response = await applicant.PostFormAsync(url, new() { ["Input.Score"] = "60" });

        await AssertNotEditableAsync(host: applicant, response, url, "结业材料当前状态为“已提交待审核”，不能修改。");
    }

    [Fact]
    public async Task Roster_a_stale_row_keeps_what_was_typed()
    {
        var graph = await RosterGraph.SaveAsync(Portal, 1);
        using var host = await graph.HostOrganizerAsync(Portal);
        string stale;
        await using (var db = Portal.NewContext())
        {
            stale = ConcurrencyToken.Read(db, await db.RosterEntries.SingleAsync(e => e.Id == graph.Entries[0].Id));
        }

        await TouchAsync(db => db.RosterEntries.SingleAsync(e => e.Id == graph.Entries[0].Id));

        var response = await host.PostFormAsync(
            $"/Roster?{graph.Query}&handler=Save", RosterForm.Row(0, graph.Entries[0].Id, "20.5", passed: true, stale), $"/Roster?{graph.Query}");

        await AssertConflictAsync(response, "value=\"20.5\"");
        Assert.Contains($"学员01（序号 1）：{AggregateSave.ConflictMessage}", await PageText.ReadAsync(response));
        await using var check = Portal.NewContext();
        Assert.Equal(0m, (await check.RosterEntries.SingleAsync(e => e.Id == graph.Entries[0].Id)).CompletedHours);
    }

    [Fact]
    public async Task Roster_results_before_the_filing_is_approved_come_back_with_the_reason()
    {
        var graph = await RosterGraph.SaveAsync(Portal, 1, approved: false);
        using var host = await graph.HostOrganizerAsync(Portal);
        var url = $"/Roster?{graph.Query}";
        string token;
        await using (var db = Portal.NewContext())
        {
            token = ConcurrencyToken.Read(db, await db.RosterEntries.SingleAsync(e => e.Id == graph.Entries[0].Id));
        }

        var response = await host.PostFormAsync(url + "&handler=Save", RosterForm.Row(0, graph.Entries[0].Id, "20", passed: true, token), url);

        await AssertNotEditableAsync(host, response, url, "备案当前状态为“已提交待审核”，备案审核通过后才能登记学时与考核结果。");
        await using var check = Portal.NewContext();
        Assert.Equal(0m, (await check.RosterEntries.SingleAsync(e => e.Id == graph.Entries[0].Id)).CompletedHours);
    }

    [Fact]
    public async Task Review_a_stale_decision_keeps_the_comment()
    {
        var project = await ReviewData.SaveSubmittedCloseOutAsync(Portal);
        using var reviewer = await Portal.LoginAsync(await Portal.CreateUserAsync(PortalRoles.Reviewer));
        var url = $"/Review/CloseOut?projectId={project.Id}";
        var stale = await ReviewData.ConcurrencyTokenAsync(reviewer, url);
        await TouchAsync(db => db.CloseOuts.SingleAsync(c => c.PlanProjectId == project.Id));

        var response = await reviewer.PostFormAsync(url + "&handler=Return", new()
        {
            ["Input.Comment"] = "请补充学员名单说明。",
            ["Input.ConcurrencyToken"] = stale,
        }, url);

        await AssertConflictAsync(response, "请补充学员名单说明。");
        await using var db = Portal.NewContext();
        Assert.Equal(CloseOutStatus.Submitted, (await db.CloseOuts.SingleAsync(c => c.PlanProjectId == project.Id)).Status);
    }

    [Fact]
    public async Task Review_a_decision_on_a_record_decided_meanwhile_comes_back_with_the_reason()
    {
        var project = await ReviewData.SaveSubmittedFilingAsync(Portal);
        using var reviewer = await Portal.LoginAsync(await Portal.CreateUserAsync(PortalRoles.Reviewer));
        var url = $"/Review/Filing?projectId={project.Id}";
        var token = await ReviewData.ConcurrencyTokenAsync(reviewer, url);
        await using (var db = Portal.NewContext())
        {
            var filing = await db.Filings.SingleAsync(f => f.PlanProjectId == project.Id);
            TestData.Ok(filing.Approve(TestData.Reviewer, TestData.Now, "同意"));
            await db.SaveChangesAsync();
        }

        var response = await reviewer.PostFormAsync(url + "&handler=Return", new() { ["Input.Comment"] = "退回", ["Input.ConcurrencyToken"] = token }, url);

        await AssertNotEditableAsync(reviewer, response, url, "只能审核已提交的备案，当前状态为“已备案”。");
        Assert.Equal(FilingStatus.Approved, (await ReviewData.FilingAsync(Portal, project.Id)).Status);
    }

    [Fact]
    public async Task Queue_a_decision_on_a_receipt_decided_meanwhile_comes_back_with_the_reason()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(Portal.NewContext());
        var receipt = TestData.Receipt(seminar.Filing, TestData.IdNumber(Random.Shared.Next(1, 9000)), "孙已办");
        await using (var db = Portal.NewContext())
        {
            TestData.Ok(receipt.Decline(TestData.Organizer, TestData.Now, "名额已满"));
            db.EnrollmentReceipts.Add(receipt);
            await db.SaveChangesAsync();
        }

        using var host = await OrganizerAsync(seminar.Host.Id);
        var url = $"/Enrollments/Queue?projectId={seminar.Project.Id}";

        var response = await host.PostFormAsync(
            url + "&handler=Decline", new() { ["Decision.ReceiptId"] = receipt.Id.ToString(), ["Decision.DecisionReason"] = "材料不全" }, url);

        await AssertNotEditableAsync(host, response, url, "报名回执当前状态为“未录取”，不能不予录取。");
    }

    private async Task<PortalClient> OrganizerAsync(Guid organizationId) =>
        await Portal.LoginAsync(await Portal.CreateUserAsync(PortalRoles.Organizer, organizationId));

    /// <summary>Someone else saves the record meanwhile: any update gives it a new version.</summary>
    private async Task TouchAsync<T>(Func<PortalDbContext, Task<T>> find)
        where T : class
    {
        await using var db = Portal.NewContext();
        db.Entry(await find(db)).State = EntityState.Modified;
        await db.SaveChangesAsync();
    }

    private static async Task AssertConflictAsync(HttpResponseMessage response, string kept)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PageText.ReadAsync(response);
        Assert.Contains(AggregateSave.ConflictMessage, html);
        Assert.Contains(kept, html);
    }

    private static async Task AssertNotEditableAsync(PortalClient host, HttpResponseMessage response, string page, string reason)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, response.Headers.Location?.OriginalString);
        var shown = PageText.Of(await host.GetPageAsync(page));
        Assert.Contains(reason, shown);
        Assert.Contains(AggregateSave.NotSavedNote, shown);
    }
}
