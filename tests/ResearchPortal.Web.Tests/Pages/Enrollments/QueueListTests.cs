using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Database;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;
using Xunit.Abstractions;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Enrollments;

/// <summary>The enrollment queue as a list (paging, search, filter, sort, query budget) and its bulk decisions.</summary>
[Collection(PortalCollections.Seminars)]
public sealed class QueueListTests(PortalApp app, ITestOutputHelper output) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    private static int _serial = 8000;

    [Fact]
    public async Task The_queue_runs_the_same_number_of_sql_commands_for_20_and_2000_receipts()
    {
        var small = await SeminarAsync(20);
        var large = await SeminarAsync(2000);
        using var host = await HostAsync(small.Seminar);
        using var largeHost = await HostAsync(large.Seminar);
        await host.GetPageAsync(QueueUrl(small.Seminar));
        await largeHost.GetPageAsync(QueueUrl(large.Seminar));
        await ListVersionCheck.MoveAsync(app, small.Seminar.Project.Id);
        await ListVersionCheck.MoveAsync(app, large.Seminar.Project.Id);

        var smallCount = await host.CountSqlCommandsAsync(QueueUrl(small.Seminar), app.SqlCommands);
        var largeCount = await largeHost.CountSqlCommandsAsync(QueueUrl(large.Seminar), app.SqlCommands);
        var keptCount = await largeHost.CountSqlCommandsAsync(QueueUrl(large.Seminar), app.SqlCommands);

        output.WriteLine($"/Enrollments/Queue: {smallCount} commands at 20 receipts, {largeCount} at 2,000, {keptCount} for a page kept unchanged");
        Assert.Equal(smallCount, largeCount);
        // Unchanged since, the page of rows is this instance's kept one: its one command is saved.
        Assert.Equal(largeCount - 1, keptCount);
        var page = PageText.Of(await largeHost.GetPageAsync(QueueUrl(large.Seminar)));
        output.WriteLine($"/Enrollments/Queue: a page of 50 rows is {page.Length:N0} characters of HTML");
        Assert.Contains("共 2000 条，第 1 / 40 页", page);
        Assert.Equal(50, CountOf(page, "name=\"Selected\""));
    }

    [Fact]
    public async Task A_receipt_submitted_and_a_person_put_on_the_roster_elsewhere_show_on_the_next_request()
    {
        var (seminar, receipts) = await SeminarAsync(3);
        using var host = await HostAsync(seminar);
        var first = PageText.Of(await host.GetPageAsync(QueueUrl(seminar)));
        Assert.Contains("共 3 条", first);
        Assert.DoesNotContain("已在学员名单中", first);

        // Another instance, a script: the page this instance keeps is read afresh once the receipts or roster change.
        await using (var db = app.NewContext())
        {
            db.EnrollmentReceipts.Add(Receipt(seminar.Filing, IdNumber(Interlocked.Increment(ref _serial)), "新到的学员"));
            db.RosterEntries.Add(Ok(RosterEntry.Create(
                seminar.Project.Id, 1, receipts[0].Form.Name, Domain.Common.Gender.Female, receipts[0].IdNumber, "济南市农业科学研究院", null, null)));
            await db.SaveChangesAsync();
        }

        var page = PageText.Of(await host.GetPageAsync(QueueUrl(seminar)));
        Assert.Contains("共 4 条", page);
        Assert.Contains("新到的学员", page);
        Assert.Equal(1, CountOf(page, "已在学员名单中"));
    }

    [Fact]
    public async Task The_queue_pages_searches_by_name_or_last_4_filters_by_status_and_sorts_with_everything_in_the_url()
    {
        var (seminar, receipts) = await SeminarAsync(60, decide: (receipt, index) =>
        {
            if (index == 0)
            {
                Ok(receipt.Accept(Organizer, Now));
            }
        });
        using var host = await HostAsync(seminar);
        var url = QueueUrl(seminar);
        var target = receipts[37];

        var second = PageText.Of(await host.GetPageAsync($"{url}&p=2"));
        var byId = PageText.Of(await host.GetPageAsync($"{url}&q={target.IdNumber.Value[^4..]}"));
        var byName = PageText.Of(await host.GetPageAsync($"{url}&q={target.Form.Name}"));
        var accepted = PageText.Of(await host.GetPageAsync($"{url}&status=accepted"));
        var byNameDescending = PageText.Of(await host.GetPageAsync($"{url}&sort=-name"));

        Assert.Contains("共 60 条，第 2 / 2 页", second);
        // Page 2 of the queue's own order: the last 9 waiting receipts, then the decided one.
        Assert.DoesNotContain("排队051", second);
        Assert.True(second.IndexOf("排队052", StringComparison.Ordinal) < second.IndexOf("排队060", StringComparison.Ordinal));
        Assert.True(second.IndexOf("排队060", StringComparison.Ordinal) < second.IndexOf("排队001", StringComparison.Ordinal));
        Assert.Contains("共 1 条", byId);
        Assert.Contains(target.Form.Name, byId);
        Assert.DoesNotContain(target.IdNumber.Value, byId);
        Assert.Contains("共 1 条", byName);
        Assert.Contains("共 1 条", accepted);
        Assert.Contains(receipts[0].Form.Name, accepted);
        Assert.True(byNameDescending.IndexOf("排队060", StringComparison.Ordinal) < byNameDescending.IndexOf("排队059", StringComparison.Ordinal));
        // The default order: the waiting receipts first, oldest first.
        var first = PageText.Of(await host.GetPageAsync(url));
        Assert.True(first.IndexOf("排队002", StringComparison.Ordinal) < first.IndexOf("排队003", StringComparison.Ordinal));
        Assert.Contains("?projectId=" + seminar.Project.Id + "&amp;sort=name", await host.GetPageAsync(url));
    }

    [Fact]
    public async Task In_the_queues_order_a_page_holds_the_waiting_receipts_oldest_first_then_the_decided_newest_first()
    {
        // 52 decided a minute apart (排队001 first), 3 waiting: page 1 holds both parts, page 2 only decided ones.
        var (seminar, _) = await SeminarAsync(55, decide: (receipt, index) =>
        {
            if (index < 52)
            {
                Ok(receipt.Decline(Organizer, Now.AddMinutes(index), "名额调整"));
            }
        });
        using var host = await HostAsync(seminar);
        var url = QueueUrl(seminar);

        var first = PageText.Of(await host.GetPageAsync(url));
        var second = PageText.Of(await host.GetPageAsync($"{url}&p=2"));

        Assert.Equal(["排队053", "排队054", "排队055", "排队052", "排队051"], Regex.Matches(first, "排队\\d{3}").Select(m => m.Value).Distinct().Take(5));
        Assert.DoesNotContain("排队005", first);
        Assert.Contains("共 55 条，第 2 / 2 页", second);
        Assert.Equal(["排队005", "排队004", "排队003", "排队002", "排队001"], Regex.Matches(second, "排队\\d{3}").Select(m => m.Value).Distinct());
    }

    [Fact]
    public async Task A_rows_details_are_read_when_opened_and_only_from_the_hosts_own_project()
    {
        var (seminar, receipts) = await SeminarAsync(2);
        var (other, otherReceipts) = await SeminarAsync(1);
        using var host = await HostAsync(seminar);
        var detailsUrl = $"{QueueUrl(seminar, "Details")}&receiptId=";

        var list = await host.GetPageAsync(QueueUrl(seminar));
        var details = PageText.Of(await host.GetPageAsync(detailsUrl + receipts[1].Id));
        var otherProjects = await host.GetAsync(detailsUrl + otherReceipts[0].Id);
        var viaOtherProject = await host.GetAsync($"{QueueUrl(other, "Details")}&receiptId={otherReceipts[0].Id}");

        Assert.DoesNotContain("职称证书编号", list); // the list carries only what its columns show
        Assert.Contains($"hx-get=\"{QueueUrl(seminar, "Details").Replace("&", "&amp;", StringComparison.Ordinal)}&amp;receiptId={receipts[1].Id}\"", list);
        Assert.Contains("选派单位：济南市农业科学研究院", details);
        Assert.Contains("职务：科长", details);
        Assert.Equal(HttpStatusCode.NotFound, otherProjects.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOtherProject.StatusCode);
    }

    [Fact]
    public async Task Accepting_ticked_receipts_checks_each_alone_and_says_what_happened_to_each()
    {
        // 40 planned seats: 38 taken, so of four ticked receipts (one already declined) two are accepted.
        var (seminar, receipts) = await SeminarAsync(42, decide: (receipt, index) =>
        {
            if (index < 38)
            {
                Ok(receipt.Accept(Organizer, Now));
            }
            else if (index == 38)
            {
                Ok(receipt.Decline(Organizer, Now, "重复报名"));
            }
        });
        using var host = await HostAsync(seminar);
        var ticked = receipts.Skip(38).ToList();

        var response = await host.PostFormAsync(QueueUrl(seminar, "AcceptSelected"), Ticked(ticked), formPage: QueueUrl(seminar));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var summary = PageText.Of(await host.GetPageAsync(response.Headers.Location!.OriginalString));
        Assert.Contains(
            $"已录取 2 人；2 人未能录取：{ticked[0].Form.Name}——报名回执当前状态为“未录取”，不能录取；{ticked[3].Form.Name}——名额已满：计划 40 人，已录取 40 人。",
            summary);
        await using var db = app.NewContext();
        Assert.Equal(40, await db.EnrollmentReceipts.CountAsync(r => r.PlanProjectId == seminar.Project.Id && r.Status == ReceiptStatus.Accepted));
        Assert.Equal([1, 2], await db.RosterEntries.Where(e => e.PlanProjectId == seminar.Project.Id).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(ReceiptStatus.Submitted, (await db.EnrollmentReceipts.SingleAsync(r => r.Id == ticked[3].Id)).Status);
    }

    [Fact]
    public async Task Declining_ticked_receipts_needs_a_reason_then_declines_each_with_it()
    {
        var (seminar, receipts) = await SeminarAsync(3);
        using var host = await HostAsync(seminar);
        var ticked = receipts.Take(2).ToList();

        var withoutReason = await host.PostFormAsync(QueueUrl(seminar, "DeclineSelected"), Ticked(ticked), formPage: QueueUrl(seminar));
        var withReason = await host.PostFormAsync(
            QueueUrl(seminar, "DeclineSelected"), new(Ticked(ticked)) { ["bulkReason"] = "本期名额已满。" }, formPage: QueueUrl(seminar));

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("请填写不予录取的原因", await PageText.ReadAsync(withoutReason));
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        Assert.Contains("已不予录取 2 人。", PageText.Of(await host.GetPageAsync(withReason.Headers.Location!.OriginalString)));
        await using var db = app.NewContext();
        var stored = await db.EnrollmentReceipts.Where(r => r.PlanProjectId == seminar.Project.Id).OrderBy(r => r.SubmittedAt).ToListAsync();
        Assert.Equal([ReceiptStatus.Declined, ReceiptStatus.Declined, ReceiptStatus.Submitted], stored.Select(r => r.Status));
        Assert.All(stored.Take(2), r => Assert.Equal("本期名额已满。", r.DecisionReason));
    }

    [Fact]
    public async Task Organizers_bulk_accepting_at_once_never_exceed_the_seats()
    {
        // 3 seats left, 4 organizers each ticking 3 different receipts at the same moment.
        var (seminar, receipts) = await SeminarAsync(49, decide: (receipt, index) =>
        {
            if (index < 37)
            {
                Ok(receipt.Accept(Organizer, Now));
            }
        });
        var pending = receipts.Skip(37).ToList();
        var posts = new List<Func<Task<HttpResponseMessage>>>();
        var clients = new List<PortalClient>();
        for (var organizer = 0; organizer < 4; organizer++)
        {
            var client = await HostAsync(seminar);
            clients.Add(client);
            var token = await client.ReadTokenAsync(QueueUrl(seminar));
            var fields = Ticked(pending.Skip(organizer * 3).Take(3)).Append(new("__RequestVerificationToken", token)).ToList();
            posts.Add(() => client.Http.PostAsync(QueueUrl(seminar, "AcceptSelected"), new FormUrlEncodedContent(fields)));
        }

        var responses = await Task.WhenAll(posts.Select(post => Task.Run(post)));
        var summaries = new List<string>();
        for (var index = 0; index < responses.Length; index++)
        {
            Assert.Equal(HttpStatusCode.Redirect, responses[index].StatusCode);
            summaries.Add(PageText.Of(await clients[index].GetPageAsync(responses[index].Headers.Location!.OriginalString)));
        }

        clients.ForEach(client => client.Dispose());
        await using var db = app.NewContext();
        var counts = summaries.Select(s => Regex.Match(s, @"已录取 (\d+) 人[；。][^<]*")).ToList();
        output.WriteLine(string.Join(Environment.NewLine, counts.Select(m => m.Value)));
        Assert.Equal(40, await db.EnrollmentReceipts.CountAsync(r => r.PlanProjectId == seminar.Project.Id && r.Status == ReceiptStatus.Accepted));
        Assert.Equal([1, 2, 3], await db.RosterEntries.Where(e => e.PlanProjectId == seminar.Project.Id).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(3, counts.Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(9, summaries.Sum(s => CountOf(s, "名额已满")));
    }

    private static Dictionary<string, string> Ticked(IEnumerable<EnrollmentReceipt> receipts) =>
        receipts.Select((receipt, index) => (Key: $"Selected[{index}]", Value: receipt.Id.ToString())).ToDictionary(p => p.Key, p => p.Value);

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    /// <summary>An approved seminar with <paramref name="count"/> receipts submitted a minute apart (names 排队001…),
    /// stored in one save; <paramref name="decide"/> may accept or decline some first.</summary>
    private async Task<(ProjectGraph Seminar, List<EnrollmentReceipt> Receipts)> SeminarAsync(int count, Action<EnrollmentReceipt, int>? decide = null)
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var receipts = Enumerable.Range(0, count).Select(index =>
        {
            var receipt = Ok(EnrollmentReceipt.Submit(
                seminar.Project.Id, null, null, Form($"排队{index + 1:D3}", Domain.Common.Gender.Female), IdNumber(Interlocked.Increment(ref _serial)),
                [], EnrollmentWindow.For(seminar.Filing), Today, Now.AddMinutes(index - count)));
            decide?.Invoke(receipt, index);
            return receipt;
        }).ToList();
        await using var db = app.NewContext();
        db.EnrollmentReceipts.AddRange(receipts);
        await db.SaveChangesAsync();
        return (seminar, receipts);
    }

    private async Task<PortalClient> HostAsync(ProjectGraph seminar) => await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));

    private static string QueueUrl(ProjectGraph seminar, string? handler = null) =>
        $"/Enrollments/Queue?projectId={seminar.Project.Id}" + (handler is null ? string.Empty : $"&handler={handler}");
}
