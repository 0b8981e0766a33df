using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.PartyGroups;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Database;
using ResearchPortal.Web.Tests.Pages.Enrollments;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;
using Xunit.Abstractions;

namespace ResearchPortal.Web.Tests.Pages.Races;

/// <summary>
/// Parallel requests on PostgreSQL that race to create or decide the same thing: exactly one wins, every other answer
/// is a Chinese message on the page, never a 500. Each request has its anti-forgery token before the race starts.
/// </summary>
[Collection(PortalCollections.Seminars)]
public sealed class RaceTests(PortalApp app, ITestOutputHelper output) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    private const string NotOwnAnswer = EnrollmentReceipt.IdNumberUnavailableMessage;
    private const string OwnDuplicateAnswer = "您已报名本项目，不能重复报名。";
    private const string HostDuplicateAnswer = "该身份证号已报名本项目，不能重复报名。";
    private const string BusyAnswer = "同一时间有其他报名回执正在保存，本次未保存，请稍后重新提交。";
    private static int _serial = 5000;

    private IdNumberLookup Lookup => app.Services.GetRequiredService<IdNumberLookup>();

    [Fact]
    public async Task Parallel_submissions_of_one_id_number_by_several_accounts_store_one_receipt()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var id = NextId();
        var url = $"/Enrollments/New?projectId={seminar.Project.Id}";
        var posts = new List<Func<Task<HttpResponseMessage>>>();
        var clients = new List<PortalClient>();
        for (var account = 0; account < 8; account++)
        {
            var client = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Trainee));
            clients.Add(client);
            for (var copy = 0; copy < 4; copy++)
            {
                posts.Add(await ArmAsync(client, url, EnrollmentPagesTests.Fields("林并发", id.Value)));
            }
        }

        var answers = await RaceAsync(posts);
        clients.ForEach(client => client.Dispose());

        await using var db = app.NewContext();
        var stored = await Lookup.Matching(db.EnrollmentReceipts, id).ToListAsync();
        Report("32 parallel trainee submissions (8 accounts × 4) of one ID number", answers, stored.Count);
        Assert.Single(stored);
        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        await ReceiptTallyCheck.AssertMatchReceiptsAsync(db);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Redirect), answer =>
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.True(answer.Html.Contains(NotOwnAnswer) || answer.Html.Contains(OwnDuplicateAnswer) || answer.Html.Contains(BusyAnswer), answer.Html);
            Assert.DoesNotContain(HostDuplicateAnswer, answer.Html);
        });
        // Only the winner's account is bound to the number.
        Assert.Equal(stored[0].TraineeUserId, Assert.Single(await Lookup.Matching(db.AccountIdNumbers, id).ToListAsync()).UserId);
    }

    [Fact]
    public async Task Parallel_recordings_of_one_id_number_by_the_host_store_one_receipt()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var id = NextId();
        var url = $"/Enrollments/Record?projectId={seminar.Project.Id}";
        using var host = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));
        var posts = new List<Func<Task<HttpResponseMessage>>>();
        for (var copy = 0; copy < 30; copy++)
        {
            posts.Add(await ArmAsync(host, url, EnrollmentPagesTests.Fields("许代录", id.Value)));
        }

        var answers = await RaceAsync(posts);

        await using var db = app.NewContext();
        var stored = await Lookup.Matching(db.EnrollmentReceipts, id).CountAsync();
        Report("30 parallel 代为录入 of one ID number", answers, stored);
        Assert.Equal(1, stored);
        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Redirect), answer =>
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.True(answer.Html.Contains(HostDuplicateAnswer) || answer.Html.Contains(BusyAnswer), answer.Html);
        });
    }

    [Fact]
    public async Task Accept_and_decline_in_parallel_let_exactly_one_win_and_send_one_mail()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        using var host = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));
        using var colleague = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));
        var queue = $"/Enrollments/Queue?projectId={seminar.Project.Id}";
        var tally = new List<(HttpStatusCode Status, string Html)>();
        for (var run = 0; run < 5; run++)
        {
            var trainee = await app.CreateUserAsync(PortalRoles.Trainee);
            var receipt = await SaveReceiptAsync(seminar, trainee.Id);
            var accept = await ArmAsync(host, $"{queue}&handler=Accept", new() { ["Decision.ReceiptId"] = receipt.Id.ToString() }, queue);
            var decline = await ArmAsync(colleague, $"{queue}&handler=Decline", new()
            {
                ["Decision.ReceiptId"] = receipt.Id.ToString(),
                ["Decision.DecisionReason"] = "名额已满。",
            }, queue);

            var answers = await RaceAsync([accept, decline]);

            tally.AddRange(answers);
            await using var db = app.NewContext();
            var stored = await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id);
            var onRoster = await db.RosterEntries.AnyAsync(e => e.ReceiptId == receipt.Id);
            var acceptWon = stored.Status == ReceiptStatus.Accepted;
            Assert.Equal(HttpStatusCode.Redirect, answers[acceptWon ? 0 : 1].Status);
            await AssertLoserWasToldAsync(answers[acceptWon ? 1 : 0], acceptWon ? colleague : host, queue);
            Assert.Equal(stored.Status == ReceiptStatus.Accepted, onRoster);
            Assert.Equal(stored.Status == ReceiptStatus.Declined, stored.DecisionReason is not null);
            Assert.Single(app.Mails(), mail => mail.To == trainee.Email);
            await ReceiptTallyCheck.AssertMatchReceiptsAsync(db);
        }

        Report("5 runs of accept ∥ decline", tally, stored: null);
    }

    [Fact]
    public async Task Decide_and_withdraw_in_parallel_let_exactly_one_win()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        using var host = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));
        var queue = $"/Enrollments/Queue?projectId={seminar.Project.Id}";
        var tally = new List<(HttpStatusCode Status, string Html)>();
        for (var run = 0; run < 5; run++)
        {
            var trainee = await app.CreateUserAsync(PortalRoles.Trainee);
            using var traineeClient = await app.LoginAsync(trainee);
            var receipt = await SaveReceiptAsync(seminar, trainee.Id);
            var accept = await ArmAsync(host, $"{queue}&handler=Accept", new() { ["Decision.ReceiptId"] = receipt.Id.ToString() }, queue);
            var withdraw = await ArmAsync(traineeClient, $"/Enrollments/Mine?handler=Withdraw&receiptId={receipt.Id}", [], "/Enrollments/Mine");

            var answers = await RaceAsync([accept, withdraw]);

            tally.AddRange(answers);
            await using var db = app.NewContext();
            var stored = await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id);
            var acceptWon = stored.Status == ReceiptStatus.Accepted;
            Assert.Equal(HttpStatusCode.Redirect, answers[acceptWon ? 0 : 1].Status);
            await AssertLoserWasToldAsync(answers[acceptWon ? 1 : 0], acceptWon ? traineeClient : host, acceptWon ? "/Enrollments/Mine" : queue);
            Assert.Equal(stored.Status == ReceiptStatus.Accepted, await db.RosterEntries.AnyAsync(e => e.ReceiptId == receipt.Id));
            Assert.Equal(stored.Status == ReceiptStatus.Accepted ? 1 : 0, app.Mails().Count(mail => mail.To == trainee.Email));
            await ReceiptTallyCheck.AssertMatchReceiptsAsync(db);
        }

        Report("5 runs of accept ∥ withdraw", tally, stored: null);
    }

    [Fact]
    public async Task Parallel_first_party_group_members_start_one_group_and_never_answer_500()
    {
        var graph = await RosterGraph.SaveAsync(app, 10);
        using var host = await graph.HostOrganizerAsync(app);
        var page = $"/PartyGroups?{graph.Query}";
        var posts = new List<Func<Task<HttpResponseMessage>>>();
        foreach (var entry in graph.Entries)
        {
            posts.Add(await ArmAsync(host, $"{page}&handler=AddMember", new()
            {
                ["Member.Body"] = nameof(GroupBody.ClassCommittee),
                ["Member.Name"] = entry.Name,
                ["Member.Role"] = "班委",
                ["Member.RosterEntryId"] = entry.Id.ToString(),
            }, page));
        }

        var answers = await RaceAsync(posts);

        await using var db = app.NewContext();
        var group = await db.PartyGroups.SingleAsync(g => g.PlanProjectId == graph.Project.Id);
        Report("10 parallel first 班委 members", answers, group.Members.Count);
        Assert.Contains(answers, a => a.Status == HttpStatusCode.Redirect);
        AssertLosersToldOfTheConflict(answers, keptInput: null);
        Assert.Equal(answers.Count(a => a.Status == HttpStatusCode.Redirect), group.Members.Count);
    }

    [Fact]
    public async Task Parallel_first_saves_of_a_filing_store_one_filing_and_never_answer_500()
    {
        var scenario = await Filings.FilingScenario.CreateAsync(app);
        using var host = await scenario.LoginHostAsync(app);
        var posts = new List<Func<Task<HttpResponseMessage>>>();
        for (var copy = 0; copy < 10; copy++)
        {
            posts.Add(await ArmAsync(host, scenario.EditUrl + "&handler=Save", new() { ["Input.Venue"] = $"济南市培训中心 {copy} 号楼" }, scenario.EditUrl));
        }

        var answers = await RaceAsync(posts);

        await using var db = app.NewContext();
        var stored = await db.Filings.CountAsync(f => f.PlanProjectId == scenario.Project.Id);
        Report("10 parallel first saves of one project's filing", answers, stored);
        Assert.Equal(1, stored);
        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        AssertLosersToldOfTheConflict(answers, html => html.Contains("号楼")); // the loser's typed venue is still in its form
    }

    [Fact]
    public async Task Parallel_first_saves_of_a_close_out_by_host_and_applicant_store_one_close_out_and_tell_the_others()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        using var host = await graph.HostOrganizerAsync(app);
        using var applicant = await graph.ApplicantOrganizerAsync(app);
        var editUrl = $"/CloseOuts/Edit?{graph.Query}";
        var scoreUrl = $"/CloseOuts/ApplicantScore?{graph.Query}";
        var posts = new List<Func<Task<HttpResponseMessage>>>();
        for (var copy = 0; copy < 5; copy++)
        {
            posts.Add(await ArmAsync(host, editUrl + "&handler=Save", new() { ["Input.Report.BasicInformation"] = $"第 {copy} 份初稿", ["Input.ConcurrencyToken"] = "" }, editUrl));
            posts.Add(await ArmAsync(applicant, scoreUrl, new() { ["Input.Score"] = $"{80 + copy}", ["Input.ConcurrencyToken"] = "" }));
        }

        var answers = await RaceAsync(posts);

        await using var db = app.NewContext();
        var stored = await db.CloseOuts.CountAsync(c => c.PlanProjectId == graph.Project.Id);
        Report("10 parallel first saves of one close-out (5 by the host, 5 applicant scores)", answers, stored);
        Assert.Equal(1, stored);
        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        AssertLosersToldOfTheConflict(answers, html => html.Contains("份初稿") || html.Contains("value=\"8")); // its own input kept
    }

    /// <summary>The loser of a race on one receipt either lost the save (the conflict message on its page) or loaded the
    /// receipt after the winner's commit: the queue then answers with the state (back to the list, the reason in the
    /// warning line), 我的报名 with the domain's state message on its page.</summary>
    private static async Task AssertLoserWasToldAsync((HttpStatusCode Status, string Html) answer, PortalClient client, string page)
    {
        if (answer.Status == HttpStatusCode.Redirect)
        {
            var shown = WebUtility.HtmlDecode(await client.GetPageAsync(page));
            Assert.Contains("报名回执当前状态为", shown);
            Assert.Contains(AggregateSave.NotSavedNote, shown);
            return;
        }

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(
            answer.Html.Contains(AggregateSave.ConflictMessage) || answer.Html.Contains(EnrollmentReceipt.HandledByOthersMessage) || answer.Html.Contains("报名回执当前状态为"),
            answer.Html);
    }

    /// <summary>Reads the form's token now, so the returned post goes out without a page load in the race.</summary>
    private static async Task<Func<Task<HttpResponseMessage>>> ArmAsync(PortalClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await client.ReadTokenAsync(formPage ?? url);
        return () => client.Http.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Every answer but the winners' redirects is the form again with the one conflict message and, where
    /// <paramref name="keptInput"/> says how to see it, what its sender typed.</summary>
    private static void AssertLosersToldOfTheConflict(IEnumerable<(HttpStatusCode Status, string Html)> answers, Func<string, bool>? keptInput) =>
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Redirect), answer =>
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Contains(AggregateSave.ConflictMessage, answer.Html);
            Assert.True(keptInput?.Invoke(answer.Html) ?? true, answer.Html);
        });

    private static async Task<IReadOnlyList<(HttpStatusCode Status, string Html)>> RaceAsync(IEnumerable<Func<Task<HttpResponseMessage>>> posts)
    {
        var responses = await Task.WhenAll(posts.Select(post => Task.Run(post)));
        var answers = new List<(HttpStatusCode, string)>();
        foreach (var response in responses)
        {
            answers.Add((response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())));
            response.Dispose();
        }

        return answers;
    }

    private void Report(string race, IEnumerable<(HttpStatusCode Status, string Html)> answers, int? stored)
    {
        var list = answers.ToList();
        var counts = list.CountBy(a => (int)a.Status).OrderBy(c => c.Key).Select(c => $"{c.Key}×{c.Value}");
        var messages = new[]
            {
                "报名回执当前状态为", NotOwnAnswer, OwnDuplicateAnswer, HostDuplicateAnswer, BusyAnswer,
                AggregateSave.ConflictMessage,
            }
            .Select(message => (message, count: list.Count(a => a.Html.Contains(message))))
            .Where(m => m.count > 0)
            .Select(m => $"“{m.message}”×{m.count}");
        output.WriteLine($"{race}: answers {string.Join(", ", counts)}; messages {string.Join(", ", messages)}; stored {stored?.ToString() ?? "-"}");
    }

    private async Task<EnrollmentReceipt> SaveReceiptAsync(ProjectGraph seminar, string traineeUserId)
    {
        var receipt = TestData.Receipt(seminar.Filing, NextId(), "钟竞态", Gender.Female, traineeUserId);
        await using var db = app.NewContext();
        db.EnrollmentReceipts.Add(receipt);
        await db.SaveChangesAsync();
        return receipt;
    }

    private static IdNumber NextId() => TestData.IdNumber(Interlocked.Add(ref _serial, 2), Gender.Female);
}
