using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Database;
using ResearchPortal.Web.Tests.Web;
using Xunit.Abstractions;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Roster;

/// <summary>Runs after the seminar, when results and certificate numbers may be recorded.</summary>
[Collection(PortalCollections.AfterSeminar)]
public sealed class RosterPageTests(AfterSeminarPortal portal, ITestOutputHelper output) : SharedPortalTests
{
    protected override PortalApp Portal => portal.App;

    private const string RevokeConfirmation = "data-confirm=\"确定撤销该证书编号？撤销后不可恢复。\"";

    private readonly PortalApp _app = portal.App;

    [Fact]
    public async Task Hours_above_the_filing_total_are_refused_and_nothing_is_saved()
    {
        var graph = await RosterGraph.SaveAsync(_app, 2);
        using var client = await graph.HostOrganizerAsync(_app);

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
    public async Task Hours_the_browser_would_refuse_are_refused_by_the_server_in_chinese_naming_the_trainee(string hours, string message)
    {
        var graph = await RosterGraph.SaveAsync(_app, 1);
        using var client = await graph.HostOrganizerAsync(_app);

        var response = await PostRowAsync(client, graph, graph.Entries[0], hours, passed: true, await TokenAsync(graph.Entries[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"学员01（序号 1）：{message}", await PageText.ReadAsync(response));
        Assert.False((await ReloadAsync(graph.Entries[0])).Passed);
    }

    [Fact]
    public async Task Hours_and_pass_are_saved_and_audited()
    {
        var graph = await RosterGraph.SaveAsync(_app, 2);
        using var client = await graph.HostOrganizerAsync(_app);

        var response = await PostRowAsync(client, graph, graph.Entries[1], hours: "24", passed: true, await TokenAsync(graph.Entries[1]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await ReloadAsync(graph.Entries[1]);
        Assert.Equal(24m, stored.CompletedHours);
        Assert.True(stored.Passed);
        await using var db = _app.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == "Roster.ResultRecorded"));
    }

    [Fact]
    public async Task The_roster_runs_the_same_number_of_sql_commands_for_20_and_2000_trainees()
    {
        var small = await RosterGraph.SaveAsync(_app, 20);
        var large = await RosterGraph.SaveAsync(_app, 2000);
        using var host = await small.HostOrganizerAsync(_app);
        using var largeHost = await large.HostOrganizerAsync(_app);
        await host.GetPageAsync($"/Roster?{small.Query}");
        await largeHost.GetPageAsync($"/Roster?{large.Query}");
        await ListVersionCheck.MoveAsync(_app, small.Project.Id);
        await ListVersionCheck.MoveAsync(_app, large.Project.Id);

        var smallCount = await host.CountSqlCommandsAsync($"/Roster?{small.Query}", _app.SqlCommands);
        var largeCount = await largeHost.CountSqlCommandsAsync($"/Roster?{large.Query}", _app.SqlCommands);
        var keptCount = await largeHost.CountSqlCommandsAsync($"/Roster?{large.Query}", _app.SqlCommands);

        output.WriteLine($"/Roster: {smallCount} commands at 20 trainees, {largeCount} at 2,000, {keptCount} for a page kept unchanged");
        Assert.Equal(smallCount, largeCount);
        // Unchanged since, the page of rows is this instance's kept one: its one command (rows and counts) is saved.
        Assert.Equal(largeCount - 1, keptCount);
        var page = PageText.Of(await largeHost.GetPageAsync($"/Roster?{large.Query}"));
        output.WriteLine($"/Roster: a page of 50 rows is {page.Length:N0} characters of HTML");
        Assert.Contains("共 2000 条，第 1 / 40 页", page);
        Assert.Equal(50, Regex.Count(page, "name=\"Selected\""));
        // One form for all the rows, however many: no form per row.
        Assert.Equal(Regex.Count(PageText.Of(await host.GetPageAsync($"/Roster?{small.Query}")), "<form"), Regex.Count(page, "<form"));
    }

    [Fact]
    public async Task A_change_made_elsewhere_shows_on_the_next_request()
    {
        // Another instance, a script: the page this instance keeps is read afresh once the roster has changed.
        var graph = await RosterGraph.SaveAsync(_app, 3);
        using var host = await graph.HostOrganizerAsync(_app);
        var url = $"/Roster?{graph.Query}";
        Assert.Contains("共 3 条", PageText.Of(await host.GetPageAsync(url)));

        await using (var db = _app.NewContext())
        {
            await db.RosterEntries.Where(e => e.Id == graph.Entries[0].Id).ExecuteUpdateAsync(set => set.SetProperty(e => e.WorkUnit, "外部修改的单位"));
            await db.RosterEntries.Where(e => e.Id == graph.Entries[2].Id).ExecuteDeleteAsync();
        }

        var page = PageText.Of(await host.GetPageAsync(url));
        Assert.Contains("外部修改的单位", page);
        Assert.Contains("共 2 条", page);
        Assert.DoesNotContain(">学员03<", page);
    }

    [Fact]
    public async Task The_roster_pages_searches_by_name_or_last_4_filters_by_result_and_sorts_with_everything_in_the_url()
    {
        var graph = await RosterGraph.SaveAsync(_app, 60);
        await RecordAsync(graph.Entries[4], 24m, passed: true);
        await RecordAsync(graph.Entries[5], 10m, passed: false);
        using var host = await graph.HostOrganizerAsync(_app);
        var url = $"/Roster?{graph.Query}";
        var target = graph.Entries[36];

        var second = PageText.Of(await host.GetPageAsync($"{url}&p=2"));
        var byId = PageText.Of(await host.GetPageAsync($"{url}&q={target.IdNumber.Value[^4..].ToLowerInvariant()}"));
        var byName = PageText.Of(await host.GetPageAsync($"{url}&q=学员37"));
        var passed = PageText.Of(await host.GetPageAsync($"{url}&status=passed"));
        var failed = PageText.Of(await host.GetPageAsync($"{url}&status=failed"));
        var unassessed = PageText.Of(await host.GetPageAsync($"{url}&status=unassessed"));
        var descending = PageText.Of(await host.GetPageAsync($"{url}&sort=-seq"));

        Assert.Contains("共 60 条，第 2 / 2 页", second);
        Assert.Contains("学员51", second);
        Assert.DoesNotContain("学员50<", second);
        Assert.Contains("共 1 条", byId);
        Assert.Contains(target.IdNumber.Masked, byId);
        Assert.Contains("共 1 条", byName);
        Assert.Contains(">学员05<", passed);
        Assert.Contains("共 1 条", passed);
        Assert.Contains(">学员06<", failed);
        Assert.Contains("共 1 条", failed);
        Assert.Contains("共 58 条", unassessed);
        Assert.True(descending.IndexOf(">学员60<", StringComparison.Ordinal) < descending.IndexOf(">学员59<", StringComparison.Ordinal));
        Assert.DoesNotContain(">学员01<", descending);
    }

    [Fact]
    public async Task Hours_and_result_set_for_the_ticked_rows_are_saved_together_and_the_filters_kept()
    {
        var graph = await RosterGraph.SaveAsync(_app, 3);
        using var client = await graph.HostOrganizerAsync(_app);
        var fields = new Dictionary<string, string>
        {
            ["Selected[0]"] = graph.Entries[0].Id.ToString(),
            ["Bulk.CompletedHours"] = "24",
            ["Bulk.Passed"] = "true",
        };
        for (var index = 0; index < 3; index++)
        {
            foreach (var (key, value) in RosterForm.Row(index, graph.Entries[index].Id, "0", passed: false, await TokenAsync(graph.Entries[index])))
            {
                fields[key] = value;
            }
        }

        fields["Selected[1]"] = graph.Entries[2].Id.ToString();
        var response = await client.PostFormAsync($"/Roster?{graph.Query}&sort=name&handler=Apply", fields, formPage: $"/Roster?{graph.Query}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Roster?projectId={graph.Project.Id}&sort=name", response.Headers.Location?.OriginalString);
        Assert.Contains("已保存 2 名学员的学时与考核结果：学员01、学员03。", PageText.Of(await client.GetPageAsync(response.Headers.Location!.OriginalString)));
        Assert.Equal((24m, true), await ResultAsync(graph.Entries[0]));
        Assert.Equal((0m, false), await ResultAsync(graph.Entries[1]));
        Assert.Equal((24m, true), await ResultAsync(graph.Entries[2]));
        await using var db = _app.NewContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == AuditActions.RosterResultRecorded));
    }

    [Fact]
    public async Task Saving_every_changed_row_saves_the_others_and_reports_the_row_someone_else_changed()
    {
        var graph = await RosterGraph.SaveAsync(_app, 3);
        using var client = await graph.HostOrganizerAsync(_app);
        var tokens = new List<string>();
        foreach (var entry in graph.Entries)
        {
            tokens.Add(await TokenAsync(entry));
        }

        await RecordAsync(graph.Entries[1], 12m, passed: false); // another organizer, after the page was loaded
        var fields = new[]
            {
                RosterForm.Row(0, graph.Entries[0].Id, "24", passed: true, tokens[0]),
                RosterForm.Row(1, graph.Entries[1].Id, "20", passed: true, tokens[1]),
                RosterForm.Row(2, graph.Entries[2].Id, "30", passed: true, tokens[2]),
            }
            .SelectMany(row => row)
            .ToDictionary();

        var response = await client.PostFormAsync($"/Roster?{graph.Query}&handler=Save", fields, formPage: $"/Roster?{graph.Query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageText.ReadAsync(response);
        Assert.Contains("已保存 1 名学员（学员01）；以下学员未保存：", page);
        Assert.Contains($"学员02（序号 2）：{AggregateSave.ConflictMessage}", page);
        Assert.Contains("value=\"20\"", page); // the row lost to the other change keeps what was typed
        Assert.Contains("学员03（序号 3）：完成学时应在 0 到 24.5 学时之间。", page);
        Assert.Contains("value=\"30\"", page); // the refused input is shown back
        Assert.Equal((24m, true), await ResultAsync(graph.Entries[0]));
        Assert.Equal((12m, false), await ResultAsync(graph.Entries[1]));
        Assert.Equal((0m, false), await ResultAsync(graph.Entries[2]));
    }

    [Fact]
    public async Task A_row_changed_by_someone_else_is_reported_and_not_overwritten()
    {
        var graph = await RosterGraph.SaveAsync(_app, 1);
        using var client = await graph.HostOrganizerAsync(_app);
        var staleToken = await TokenAsync(graph.Entries[0]);
        await RecordAsync(graph.Entries[0], 12m, passed: false);

        var response = await PostRowAsync(client, graph, graph.Entries[0], hours: "20", passed: true, staleToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(AggregateSave.ConflictMessage, await PageText.ReadAsync(response));
        Assert.Equal(12m, (await ReloadAsync(graph.Entries[0])).CompletedHours);
    }

    [Fact]
    public async Task Certificates_go_to_passed_trainees_in_roster_order()
    {
        var graph = await RosterGraph.SaveAsync(_app, 3);
        await RecordAsync(graph.Entries[0], 24m, passed: true);
        await RecordAsync(graph.Entries[1], 10m, passed: false);
        await RecordAsync(graph.Entries[2], 24m, passed: true);
        using var client = await graph.HostOrganizerAsync(_app);

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
        var graph = await RosterGraph.SaveAsync(_app, 3);
        await RecordAsync(graph.Entries[0], 24m, passed: true);
        using var client = await graph.HostOrganizerAsync(_app);
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
        var graph = await RosterGraph.SaveAsync(_app, 1);
        var entry = graph.Entries[0];
        var url = $"/Roster/Person?{graph.Query}&entryId={entry.Id}";
        using var host = await graph.HostOrganizerAsync(_app);
        using var stranger = await _app.LoginAsync(await _app.CreateUserAsync(PortalRoles.Organizer, (await RosterGraph.SaveAsync(_app, 0)).Host.Id));

        var html = PageText.Of(await host.GetPageAsync(url));

        Assert.Contains(entry.IdNumber.Value, html);
        await using var db = _app.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == "IdNumber.Viewed"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_roster_masks_id_numbers()
    {
        var graph = await RosterGraph.SaveAsync(_app, 1);
        using var client = await graph.HostOrganizerAsync(_app);

        var html = PageText.Of(await client.GetPageAsync($"/Roster?{graph.Query}"));

        Assert.Contains(graph.Entries[0].IdNumber.Masked, html);
        Assert.DoesNotContain(graph.Entries[0].IdNumber.Value, html);
    }

    [Fact]
    public async Task An_applicant_only_organizer_may_score_but_not_keep_the_roster_or_close_out()
    {
        var graph = await RosterGraph.SaveAsync(_app, 1);
        using var applicant = await graph.ApplicantOrganizerAsync(_app);

        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/Roster?{graph.Query}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/CloseOuts/Edit?{graph.Query}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/CloseOuts/ApplicantScore?{graph.Query}")).StatusCode);
    }

    [Fact]
    public async Task Nothing_is_recorded_or_issued_for_a_filing_not_yet_approved()
    {
        var graph = await RosterGraph.SaveAsync(_app, 1, approved: false);
        using var client = await graph.HostOrganizerAsync(_app);

        var page = PageText.Of(await client.GetPageAsync($"/Roster?{graph.Query}"));
        var record = await PostRowAsync(client, graph, graph.Entries[0], hours: "24", passed: true, await TokenAsync(graph.Entries[0]));
        var certificates = await PostCertificatesAsync(client, graph, startNumber: 1);

        Assert.Contains("备案当前状态为“已提交待审核”，备案审核通过后才能登记学时与考核结果。", page);
        Assert.Contains("备案审核通过后才能发放证书编号。", page);
        Assert.Equal(HttpStatusCode.Redirect, record.StatusCode); // the one answer to a record that cannot be changed yet
        Assert.Equal(HttpStatusCode.OK, certificates.StatusCode);
        Assert.Contains("备案审核通过后才能发放证书编号", await PageText.ReadAsync(certificates));
        var stored = await ReloadAsync(graph.Entries[0]);
        Assert.False(stored.Passed);
        Assert.Null(stored.CertificateNumber);
    }

    [Fact]
    public async Task The_host_revokes_a_number_with_a_reason_audited_and_may_issue_a_new_one_but_never_the_same()
    {
        var (graph, number) = await IssuedAsync();
        using var client = await graph.HostOrganizerAsync(_app);
        var page = PageText.Of(await client.GetPageAsync($"/Roster?{graph.Query}"));
        var form = PageText.Of(await client.GetPageAsync(RevocationUrl(graph, graph.Entries[0].Id)));
        Assert.DoesNotContain(RevokeConfirmation, page); // a page of rows carries no revocation form: it is read when opened
        Assert.Contains($"hx-get=\"{RevocationUrl(graph, graph.Entries[0].Id)}\"", page);
        Assert.Contains(RevokeConfirmation, form);
        Assert.Contains(">撤销证书</button>", form);
        Assert.Contains($"的证书编号 {number}", form);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(RevocationUrl(graph, Guid.NewGuid()))).StatusCode);

        var response = await PostRevokeAsync(client, graph, "证书信息有误，重新发放。");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await ReloadAsync(graph.Entries[0]);
        Assert.Null(stored.CertificateNumber);
        var revoked = Assert.Single(stored.RevokedCertificates);
        Assert.Equal((number, "证书信息有误，重新发放。"), (revoked.Number, revoked.Reason));
        await AssertRevocationAuditedAsync(graph, number);
        Assert.Contains($"{number}：", PageText.Of(await client.GetPageAsync($"/Roster/Person?{graph.Query}&entryId={graph.Entries[0].Id}")));

        var reused = await PostCertificatesAsync(client, graph, startNumber: 1);
        Assert.Contains("已被使用或已撤销", await PageText.ReadAsync(reused));
        Assert.Equal(HttpStatusCode.Redirect, (await PostCertificatesAsync(client, graph, startNumber: 2)).StatusCode);
        Assert.Equal(number[..^3] + "002", (await ReloadAsync(graph.Entries[0])).CertificateNumber);
    }

    [Fact]
    public async Task A_reviewer_sees_the_roster_read_only_but_may_revoke()
    {
        var (graph, number) = await IssuedAsync();
        using var reviewer = await _app.LoginAsync(await _app.CreateUserAsync(PortalRoles.Reviewer));

        var page = PageText.Of(await reviewer.GetPageAsync($"/Roster?{graph.Query}"));
        var form = PageText.Of(await reviewer.GetPageAsync(RevocationUrl(graph, graph.Entries[0].Id)));
        var response = await PostRevokeAsync(reviewer, graph, "经核查该学员未实际参训。");

        Assert.DoesNotContain("发放证书编号</button>", page);
        Assert.Contains("撤销编号", page);
        Assert.Contains(RevokeConfirmation, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await ReloadAsync(graph.Entries[0])).CertificateNumber);
        await AssertRevocationAuditedAsync(graph, number);
    }

    [Fact]
    public async Task A_revocation_without_a_reason_is_refused_and_the_number_kept()
    {
        var (graph, number) = await IssuedAsync();
        using var client = await graph.HostOrganizerAsync(_app);

        var response = await PostRevokeAsync(client, graph, "　");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageText.ReadAsync(response);
        Assert.Contains("请填写撤销原因。", page);
        Assert.Contains("<details open", page); // the refused form stays open in its row
        Assert.Equal(number, (await ReloadAsync(graph.Entries[0])).CertificateNumber);
    }

    [Fact]
    public async Task A_revoked_certificate_is_no_longer_offered_to_its_holder()
    {
        var trainee = await _app.CreateUserAsync(PortalRoles.Trainee);
        var (graph, number) = await IssuedAsync(trainee.Id);
        using var holder = await _app.LoginAsync(trainee);
        var download = $"/Documents/Certificate?entryId={graph.Entries[0].Id}";
        Assert.Contains("下载证书", await holder.GetPageAsync("/Enrollments/Mine"));
        using var host = await graph.HostOrganizerAsync(_app);

        Assert.Equal(HttpStatusCode.Redirect, (await PostRevokeAsync(host, graph, "重复发放")).StatusCode);

        var mine = PageText.Of(await holder.GetPageAsync("/Enrollments/Mine"));
        Assert.DoesNotContain("下载证书", mine);
        Assert.Contains($"{number}（已撤销）", mine);
        Assert.Equal(HttpStatusCode.NotFound, (await holder.GetAsync(download)).StatusCode);
    }

    [Fact]
    public async Task The_projects_certificate_set_skips_a_revoked_number()
    {
        var graph = await RosterGraph.SaveAsync(_app, 2);
        await RecordAsync(graph.Entries[0], 24m, passed: true);
        await RecordAsync(graph.Entries[1], 24m, passed: true);
        using var client = await graph.HostOrganizerAsync(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCertificatesAsync(client, graph, startNumber: 1)).StatusCode);
        var kept = (await ReloadAsync(graph.Entries[1])).CertificateNumber;
        Assert.Equal(HttpStatusCode.Redirect, (await PostRevokeAsync(client, graph, "重复发放")).StatusCode);

        var response = await client.GetAsync($"/Documents/Certificates/Zip?{graph.Query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal([$"{kept}-学员02.pdf"], zip.Entries.Select(e => e.FullName));
    }

    /// <summary>A roster of one passed trainee with a number issued through the page.</summary>
    private async Task<(RosterGraph Graph, string Number)> IssuedAsync(string? traineeUserId = null)
    {
        var graph = await RosterGraph.SaveAsync(_app, 1, traineeUserId);
        await RecordAsync(graph.Entries[0], 24m, passed: true);
        using var client = await graph.HostOrganizerAsync(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCertificatesAsync(client, graph, startNumber: 1)).StatusCode);
        return (graph, (await ReloadAsync(graph.Entries[0])).CertificateNumber!);
    }

    private async Task AssertRevocationAuditedAsync(RosterGraph graph, string number)
    {
        await using var db = _app.NewContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == AuditActions.CertificateRevoked);
        Assert.Contains(number, audit.Subject);
    }

    private async Task<HttpResponseMessage> PostRevokeAsync(PortalClient client, RosterGraph graph, string reason) =>
        await client.PostFormAsync($"/Roster?{graph.Query}&entryId={graph.Entries[0].Id}&handler=Revoke", new()
        {
            ["Revocation.Reason"] = reason,
            ["Revocation.ConcurrencyToken"] = await TokenAsync(graph.Entries[0]),
        }, formPage: RevocationUrl(graph, graph.Entries[0].Id));

    private static string RevocationUrl(RosterGraph graph, Guid entryId) => $"/Roster?{graph.Query}&handler=Revocation&entryId={entryId}";

    /// <summary>保存修改 with one row changed from the new roster's 0 hours, not passed.</summary>
    private static Task<HttpResponseMessage> PostRowAsync(PortalClient client, RosterGraph graph, RosterEntry entry, string hours, bool passed, string token) =>
        client.PostFormAsync($"/Roster?{graph.Query}&handler=Save", RosterForm.Row(0, entry.Id, hours, passed, token), formPage: $"/Roster?{graph.Query}");

    private static Task<HttpResponseMessage> PostCertificatesAsync(PortalClient client, RosterGraph graph, int startNumber) =>
        client.PostFormAsync($"/Roster?{graph.Query}&handler=Certificates", new()
        {
            ["Certificate.StartNumber"] = startNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, formPage: $"/Roster?{graph.Query}");

    private async Task<string> TokenAsync(RosterEntry entry)
    {
        await using var db = _app.NewContext();
        return ConcurrencyToken.Read(db, await db.RosterEntries.SingleAsync(e => e.Id == entry.Id));
    }

    /// <summary>Another user's change, made in its own unit of work.</summary>
    private async Task RecordAsync(RosterEntry entry, decimal hours, bool passed)
    {
        await using var db = _app.NewContext();
        var stored = await db.RosterEntries.SingleAsync(e => e.Id == entry.Id);
        var filing = await db.Filings.SingleAsync(f => f.PlanProjectId == stored.PlanProjectId);
        Ok(stored.RecordResult(hours, passed, filing, SeminarStart));
        await db.SaveChangesAsync();
    }

    private async Task<(decimal Hours, bool Passed)> ResultAsync(RosterEntry entry) =>
        await ReloadAsync(entry) is var stored ? (stored.CompletedHours, stored.Passed) : default;

    private async Task<RosterEntry> ReloadAsync(RosterEntry entry)
    {
        await using var db = _app.NewContext();
        return await db.RosterEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id);
    }
}

/// <summary>The seminar's last day: results may be recorded, certificate numbers only from the next day.</summary>
[Collection(PortalCollections.SeminarEnd)]
public sealed class RosterOnTheLastDayTests(SeminarEndPortal portal) : SharedPortalTests
{
    protected override PortalApp Portal => portal.App;

    [Fact]
    public async Task Results_are_recorded_but_certificates_are_refused_naming_the_first_day_they_can_be_issued()
    {
        var app = portal.App;
        var graph = await RosterGraph.SaveAsync(app, 1);
        using var client = await graph.HostOrganizerAsync(app);
        string token;
        await using (var db = app.NewContext())
        {
            token = ConcurrencyToken.Read(db, await db.RosterEntries.SingleAsync(e => e.Id == graph.Entries[0].Id));
        }

        var record = await client.PostFormAsync(
            $"/Roster?{graph.Query}&handler=Save", RosterForm.Row(0, graph.Entries[0].Id, "24", passed: true, token), formPage: $"/Roster?{graph.Query}");
        var page = PageText.Of(await client.GetPageAsync($"/Roster?{graph.Query}"));
        var certificates = await client.PostFormAsync($"/Roster?{graph.Query}&handler=Certificates", new()
        {
            ["Certificate.StartNumber"] = "1",
        }, formPage: $"/Roster?{graph.Query}");

        Assert.Equal(HttpStatusCode.Redirect, record.StatusCode);
        const string tooEarly = "研修班结束后才能发放证书编号：自 2025年9月20日 起可以办理。";
        Assert.Contains(tooEarly, page);
        Assert.Matches("<button type=\"submit\" class=\"btn btn-primary\" disabled=\"disabled\"", page);
        Assert.Equal(HttpStatusCode.OK, certificates.StatusCode);
        Assert.Contains(tooEarly, await PageText.ReadAsync(certificates));
        await using var check = app.NewContext();
        Assert.Null((await check.RosterEntries.SingleAsync(e => e.Id == graph.Entries[0].Id)).CertificateNumber);
    }
}

