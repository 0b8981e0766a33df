using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.CloseOuts;

/// <summary>Runs on a day after the seminar, when close-outs may be submitted.</summary>
public sealed class CloseOutPageTests : IAsyncLifetime
{
    private readonly PortalApp _app = new() { Today = TestData.AfterSeminar };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Submitting_an_empty_close_out_shows_every_missing_field()
    {
        var graph = await RosterGraph.SaveAsync(_app, 3);
        using var client = await graph.HostOrganizerAsync(_app);

        var response = await client.PostFormAsync($"/CloseOuts/Edit?{graph.Query}&handler=Submit", new()
        {
            ["Input.Report.BasicInformation"] = "研修班共开设 6 个专题。",
        }, formPage: $"/CloseOuts/Edit?{graph.Query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PageText.ReadAsync(response);
        Assert.Contains("研修班共开设 6 个专题。", html); // what was typed is kept
        Assert.Contains("项目绩效目标", html);
        Assert.Contains("请填写验收表负责人", html);
        Assert.Contains("请填写承办单位评估评分。", html);
        Assert.Contains("请由申报单位填写验收评分。", html);
        Assert.Contains("少于 30 人，请填写书面说明", html);
        await using var db = _app.NewContext();
        Assert.False(await db.CloseOuts.AnyAsync(c => c.PlanProjectId == graph.Project.Id));
    }

    [Fact]
    public async Task A_mistyped_score_and_the_missing_fields_are_reported_in_one_round()
    {
        var graph = await RosterGraph.SaveAsync(_app, 3);
        using var client = await graph.HostOrganizerAsync(_app);

        var response = await client.PostFormAsync($"/CloseOuts/Edit?{graph.Query}&handler=Submit", new()
        {
            ["Input.HostScore"] = "八十",
            ["Input.Report.BasicInformation"] = "研修班共开设 6 个专题。",
        }, formPage: $"/CloseOuts/Edit?{graph.Query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PageText.ReadAsync(response);
        Assert.Contains("“八十”不是有效的", html);
        Assert.DoesNotContain("请填写承办单位评估评分。", html); // the typed value's own message, not a contradiction
        Assert.Contains("请填写验收表负责人", html);
        Assert.Contains("少于 30 人，请填写书面说明", html);
        await using var db = _app.NewContext();
        Assert.False(await db.CloseOuts.AnyAsync(c => c.PlanProjectId == graph.Project.Id));
    }

    [Fact]
    public async Task A_complete_close_out_scored_by_the_applicant_is_submitted()
    {
        var graph = await RosterGraph.SaveAsync(_app, 30);
        using var applicant = await graph.ApplicantOrganizerAsync(_app);
        var scoreUrl = $"/CloseOuts/ApplicantScore?{graph.Query}";
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostFormAsync(scoreUrl, new() { ["Input.Score"] = "90" })).StatusCode);
        Assert.Contains("合格", PageText.Of(await applicant.GetPageAsync(scoreUrl)));

        using var host = await graph.HostOrganizerAsync(_app);
        var editUrl = $"/CloseOuts/Edit?{graph.Query}";
        var token = await TokenFieldAsync(host, editUrl);
        var fields = SelfEvaluationSections.AllItems.ToDictionary(
            item => $"Input.Report.{item.FieldName}", item => item.ValueIn(TestData.Report())!);
        fields["Input.ResponsiblePerson"] = "王负责人";
        fields["Input.Phone"] = "0531-88888888";
        fields["Input.Summary"] = "研修按计划完成，效果良好。";
        fields["Input.HostScore"] = "88";
        fields["Input.ConcurrencyToken"] = token;

        var response = await host.PostFormAsync($"{editUrl}&handler=Submit", fields, formPage: editUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = _app.NewContext();
        var closeOut = await db.CloseOuts.SingleAsync(c => c.PlanProjectId == graph.Project.Id);
        Assert.Equal(CloseOutStatus.Submitted, closeOut.Status);
        Assert.Equal(90, closeOut.Acceptance.ApplicantScore!.Value);
        Assert.False(closeOut.IsOverdue);
    }

    [Fact]
    public async Task The_first_save_with_the_empty_hidden_token_a_browser_sends_is_stored()
    {
        var graph = await RosterGraph.SaveAsync(_app, 30);
        using var applicant = await graph.ApplicantOrganizerAsync(_app);
        var scoreUrl = $"/CloseOuts/ApplicantScore?{graph.Query}";
        var scored = await applicant.PostFormAsync(scoreUrl, new() { ["Input.Score"] = "85", ["Input.ConcurrencyToken"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, scored.StatusCode);

        await using (var db = _app.NewContext())
        {
            await db.CloseOuts.ExecuteDeleteAsync();
        }

        using var host = await graph.HostOrganizerAsync(_app);
        var editUrl = $"/CloseOuts/Edit?{graph.Query}";
        var saved = await host.PostFormAsync($"{editUrl}&handler=Save", new()
        {
            ["Input.Report.BasicInformation"] = "首次保存的草稿。",
            ["Input.ConcurrencyToken"] = "",
        }, formPage: editUrl);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var after = _app.NewContext();
        var closeOut = await after.CloseOuts.SingleAsync(c => c.PlanProjectId == graph.Project.Id);
        Assert.Equal("首次保存的草稿。", closeOut.Report.BasicInformation);
    }

    [Theory]
    [InlineData("101", "评分应为 0 到 100 之间的整数。")]
    [InlineData("-1", "评分应为 0 到 100 之间的整数。")]
    [InlineData("八十", "“八十”不是有效的")]
    public async Task Scores_the_browser_would_refuse_are_refused_by_the_server_in_chinese(string score, string message)
    {
        var graph = await RosterGraph.SaveAsync(_app, 30);
        using var applicant = await graph.ApplicantOrganizerAsync(_app);
        using var host = await graph.HostOrganizerAsync(_app);
        var editUrl = $"/CloseOuts/Edit?{graph.Query}";

        var applicantScore = await applicant.PostFormAsync($"/CloseOuts/ApplicantScore?{graph.Query}", new() { ["Input.Score"] = score });
        var hostScore = await host.PostFormAsync($"{editUrl}&handler=Save", new() { ["Input.HostScore"] = score }, formPage: editUrl);

        foreach (var response in new[] { applicantScore, hostScore })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await PageText.ReadAsync(response));
        }

        await using var db = _app.NewContext();
        Assert.False(await db.CloseOuts.AnyAsync(c => c.PlanProjectId == graph.Project.Id));
    }

    private static async Task<string> TokenFieldAsync(PortalClient client, string url)
    {
        var html = await client.GetPageAsync(url);
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"Input.ConcurrencyToken\" value=\"([^\"]*)\"");
        Assert.True(match.Success, "No Input.ConcurrencyToken field on the close-out form.");
        return match.Groups[1].Value;
    }
}
