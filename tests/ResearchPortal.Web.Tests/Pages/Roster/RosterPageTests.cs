using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Roster;

public sealed class RosterPageTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Hours_above_the_filing_total_are_refused_and_nothing_is_saved()
    {
        var graph = await RosterGraph.SaveAsync(app, 2);
        using var client = await graph.HostOrganizerAsync(app);

        var response = await PostRowAsync(client, graph, graph.Entries[0], hours: "30", passed: true, await TokenAsync(graph.Entries[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("完成学时应在 0 到 24.5 学时之间", await PageText.ReadAsync(response));
        var stored = await ReloadAsync(graph.Entries[0]);
        Assert.Equal(0m, stored.CompletedHours);
        Assert.False(stored.Passed);
    }

    [Theory]
    [InlineData("-1", "完成学时应在 0 到 24.5 学时之间")]
    [InlineData("24.6", "完成学时应在 0 到 24.5 学时之间")]
    [InlineData("", "请填写完成学时。")]
    [InlineData("十二", "“十二”不是有效的完成学时。")]
    public async Task Hours_the_browser_would_refuse_are_refused_by_the_server_in_chinese_in_the_htmx_row(string hours, string message)
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        using var client = await graph.HostOrganizerAsync(app);
        client.Http.DefaultRequestHeaders.Add("HX-Request", "true");

        var response = await PostRowAsync(client, graph, graph.Entries[0], hours, passed: true, await TokenAsync(graph.Entries[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await PageText.ReadAsync(response));
        Assert.False((await ReloadAsync(graph.Entries[0])).Passed);
    }

    [Fact]
    public async Task Hours_and_pass_are_saved_and_audited()
    {
        var graph = await RosterGraph.SaveAsync(app, 2);
        using var client = await graph.HostOrganizerAsync(app);

        var response = await PostRowAsync(client, graph, graph.Entries[1], hours: "24", passed: true, await TokenAsync(graph.Entries[1]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await ReloadAsync(graph.Entries[1]);
        Assert.Equal(24m, stored.CompletedHours);
        Assert.True(stored.Passed);
        await using var db = app.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == "Roster.ResultRecorded"));
    }

    [Fact]
    public async Task An_htmx_post_answers_with_just_the_saved_row()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        using var client = await graph.HostOrganizerAsync(app);
        client.Http.DefaultRequestHeaders.Add("HX-Request", "true");

        var response = await PostRowAsync(client, graph, graph.Entries[0], hours: "16", passed: false, await TokenAsync(graph.Entries[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PageText.ReadAsync(response);
        Assert.StartsWith($"<tr id=\"row-{graph.Entries[0].Id:N}-row\"", html.Trim());
        Assert.Contains("已保存", html);
        Assert.Equal(16m, (await ReloadAsync(graph.Entries[0])).CompletedHours);
    }

    [Fact]
    public async Task A_row_changed_by_someone_else_is_reported_and_not_overwritten()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        using var client = await graph.HostOrganizerAsync(app);
        var staleToken = await TokenAsync(graph.Entries[0]);
        await RecordAsync(graph.Entries[0], 12m, passed: false);

        var response = await PostRowAsync(client, graph, graph.Entries[0], hours: "20", passed: true, staleToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("此记录已被他人修改", await PageText.ReadAsync(response));
        Assert.Equal(12m, (await ReloadAsync(graph.Entries[0])).CompletedHours);
    }

    [Fact]
    public async Task Certificates_go_to_passed_trainees_in_roster_order()
    {
        var graph = await RosterGraph.SaveAsync(app, 3);
        await RecordAsync(graph.Entries[0], 24m, passed: true);
        await RecordAsync(graph.Entries[1], 10m, passed: false);
        await RecordAsync(graph.Entries[2], 24m, passed: true);
        using var client = await graph.HostOrganizerAsync(app);

        var response = await PostCertificatesAsync(client, graph, startNumber: 5);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var number = $"SDGY{graph.Year.Year}-{graph.Project.ProjectNumber}-";
        Assert.Equal(number + "005", (await ReloadAsync(graph.Entries[0])).CertificateNumber);
        Assert.Null((await ReloadAsync(graph.Entries[1])).CertificateNumber);
        Assert.Equal(number + "006", (await ReloadAsync(graph.Entries[2])).CertificateNumber);
    }

    [Fact]
    public async Task A_certificate_number_already_in_use_is_refused_with_nothing_written()
    {
        var graph = await RosterGraph.SaveAsync(app, 3);
        await RecordAsync(graph.Entries[0], 24m, passed: true);
        using var client = await graph.HostOrganizerAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCertificatesAsync(client, graph, startNumber: 1)).StatusCode);
        await RecordAsync(graph.Entries[1], 24m, passed: true);
        await RecordAsync(graph.Entries[2], 24m, passed: true);

        // Start 1 would give the second trainee 001, which the first already holds.
        var response = await PostCertificatesAsync(client, graph, startNumber: 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已被使用", await PageText.ReadAsync(response));
        Assert.Null((await ReloadAsync(graph.Entries[1])).CertificateNumber);
        Assert.Null((await ReloadAsync(graph.Entries[2])).CertificateNumber);
    }

    [Fact]
    public async Task The_full_id_number_is_shown_to_the_host_and_audited_but_hidden_from_other_units()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        var entry = graph.Entries[0];
        var url = $"/Roster/Person?{graph.Query}&entryId={entry.Id}";
        using var host = await graph.HostOrganizerAsync(app);
        using var stranger = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, (await RosterGraph.SaveAsync(app, 0)).Host.Id));

        var html = PageText.Of(await host.GetPageAsync(url));

        Assert.Contains(entry.IdNumber.Value, html);
        await using var db = app.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == "IdNumber.Viewed"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_roster_masks_id_numbers()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        using var client = await graph.HostOrganizerAsync(app);

        var html = PageText.Of(await client.GetPageAsync($"/Roster?{graph.Query}"));

        Assert.Contains(graph.Entries[0].IdNumber.Masked, html);
        Assert.DoesNotContain(graph.Entries[0].IdNumber.Value, html);
    }

    [Fact]
    public async Task An_applicant_only_organizer_may_score_but_not_keep_the_roster_or_close_out()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        using var applicant = await graph.ApplicantOrganizerAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/Roster?{graph.Query}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/CloseOuts/Edit?{graph.Query}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/CloseOuts/ApplicantScore?{graph.Query}")).StatusCode);
    }

    private static Task<HttpResponseMessage> PostRowAsync(PortalClient client, RosterGraph graph, RosterEntry entry, string hours, bool passed, string token) =>
        client.PostFormAsync($"/Roster?{graph.Query}&entryId={entry.Id}&handler=Record", new()
        {
            ["Row.CompletedHours"] = hours,
            ["Row.Passed"] = passed ? "true" : "false",
            ["Row.Token"] = token,
        }, formPage: $"/Roster?{graph.Query}");

    private static Task<HttpResponseMessage> PostCertificatesAsync(PortalClient client, RosterGraph graph, int startNumber) =>
        client.PostFormAsync($"/Roster?{graph.Query}&handler=Certificates", new()
        {
            ["Certificate.StartNumber"] = startNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, formPage: $"/Roster?{graph.Query}");

    private async Task<string> TokenAsync(RosterEntry entry)
    {
        await using var db = app.NewContext();
        return ConcurrencyToken.Read(db, await db.RosterEntries.SingleAsync(e => e.Id == entry.Id));
    }

    /// <summary>Another user's change, made in its own unit of work.</summary>
    private async Task RecordAsync(RosterEntry entry, decimal hours, bool passed)
    {
        await using var db = app.NewContext();
        var stored = await db.RosterEntries.SingleAsync(e => e.Id == entry.Id);
        Ok(stored.RecordResult(hours, passed, 24.5m));
        await db.SaveChangesAsync();
    }

    private async Task<RosterEntry> ReloadAsync(RosterEntry entry)
    {
        await using var db = app.NewContext();
        return await db.RosterEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id);
    }
}
