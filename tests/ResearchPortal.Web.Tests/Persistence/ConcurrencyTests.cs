using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Persistence;

/// <summary>Two people editing the same filing, close-out or roster entry: the second save fails instead of
/// silently overwriting the first.</summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartPostgresAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_second_writer_of_a_filing_gets_a_concurrency_error()
    {
        var graph = await ProjectGraph.SaveSubmittedAsync(_host.NewContext());
        await using var first = _host.NewContext();
        await using var second = _host.NewContext();
        var mine = await first.Filings.SingleAsync(f => f.Id == graph.Filing.Id);
        var theirs = await second.Filings.SingleAsync(f => f.Id == graph.Filing.Id);

        Ok(mine.Approve(Reviewer, Now, "同意备案。"));
        await first.SaveChangesAsync();
        Ok(theirs.Return(Reviewer, Now, "另一位审核员要求补充课程安排。"));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task A_change_only_to_the_expert_sessions_is_still_checked()
    {
        var graph = await ProjectGraph.SaveApprovedAsync(_host.NewContext());
        var project = PlanProject(graph.Applicant, graph.Host);
        var filing = Filing.Start(project.Id);
        await using (var db = _host.NewContext())
        {
            db.AddRange(project, filing);
            await db.SaveChangesAsync();
        }

        await using var first = _host.NewContext();
        await using var second = _host.NewContext();
        var mine = await first.Filings.SingleAsync(f => f.Id == filing.Id);
        var theirs = await second.Filings.SingleAsync(f => f.Id == filing.Id);
        Ok(mine.UpdateDetails(new FilingDetails(null, null, null, null, null, null, null, Sessions())));
        await first.SaveChangesAsync();
        Ok(theirs.UpdateDetails(new FilingDetails(null, null, null, null, null, null, null, [new("王专家", "教授", "另一个专题", 8m)])));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task A_second_writer_of_a_close_out_gets_a_concurrency_error()
    {
        var graph = await ProjectGraph.SaveApprovedAsync(_host.NewContext());
        var closeOut = CloseOut.Start(graph.Project.Id);
        await using (var db = _host.NewContext())
        {
            db.Add(closeOut);
            await db.SaveChangesAsync();
        }

        await using var first = _host.NewContext();
        await using var second = _host.NewContext();
        var mine = await first.CloseOuts.SingleAsync(c => c.Id == closeOut.Id);
        var theirs = await second.CloseOuts.SingleAsync(c => c.Id == closeOut.Id);
        Ok(mine.SetApplicantScore(Ok(Score.Create(80))));
        await first.SaveChangesAsync();
        Ok(theirs.SetApplicantScore(Ok(Score.Create(60))));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task A_stale_form_token_for_a_roster_entry_is_refused()
    {
        var graph = await ProjectGraph.SaveApprovedAsync(_host.NewContext());
        var entry = Ok(RosterEntry.Create(graph.Project.Id, 1, "孙学员", Gender.Male, IdNumber(7, Gender.Male), "青岛市农科院", null, null));
        await using (var db = _host.NewContext())
        {
            db.Add(entry);
            await db.SaveChangesAsync();
        }

        // The page showed the entry with this token in a hidden field ...
        string tokenOnPage;
        await using (var db = _host.NewContext())
        {
            tokenOnPage = ConcurrencyToken.Read(db, await db.RosterEntries.SingleAsync(e => e.Id == entry.Id));
        }

        // ... someone else saved in between ...
        await using (var db = _host.NewContext())
        {
            var other = await db.RosterEntries.SingleAsync(e => e.Id == entry.Id);
            Ok(other.RecordResult(24m, passed: true, graph.Filing, SeminarStart));
            await db.SaveChangesAsync();
        }

        // ... so the post made from the page must not overwrite it.
        await using var post = _host.NewContext();
        var stale = await post.RosterEntries.SingleAsync(e => e.Id == entry.Id);
        ConcurrencyToken.Expect(post, stale, tokenOnPage);
        Ok(stale.RecordResult(10m, passed: false, graph.Filing, SeminarStart));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => post.SaveChangesAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-version")]
    [InlineData("99999999999999999999")]
    public async Task A_token_the_portal_never_issued_is_a_conflict_not_a_server_error(string token)
    {
        var graph = await ProjectGraph.SaveSubmittedAsync(_host.NewContext());
        await using var db = _host.NewContext();
        var filing = await db.Filings.SingleAsync(f => f.Id == graph.Filing.Id);

        ConcurrencyToken.Expect(db, filing, token);
        Ok(filing.Return(Reviewer, Now, "请补充。"));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_current_form_token_saves()
    {
        var graph = await ProjectGraph.SaveSubmittedAsync(_host.NewContext());
        await using var db = _host.NewContext();
        var filing = await db.Filings.SingleAsync(f => f.Id == graph.Filing.Id);
        var token = ConcurrencyToken.Read(db, filing);

        ConcurrencyToken.Expect(db, filing, token);
        Ok(filing.Return(Reviewer, Now, "请补充。"));
        await db.SaveChangesAsync();

        Assert.NotEqual(token, ConcurrencyToken.Read(db, filing));
    }
}

/// <summary>The embedded default has no <c>xmin</c>; its version counter must catch the same conflict.</summary>
public sealed class SqliteConcurrencyTests
{
    [Fact]
    public async Task A_second_writer_of_a_roster_entry_gets_a_concurrency_error()
    {
        await using var host = await PortalTestHost.StartSqliteAsync();
        var graph = await ProjectGraph.SaveApprovedAsync(host.NewContext());
        var entry = Ok(RosterEntry.Create(graph.Project.Id, 1, "郑学员", Gender.Female, IdNumber(9), "潍坊市农科院", null, null));
        await using (var db = host.NewContext())
        {
            db.Add(entry);
            await db.SaveChangesAsync();
        }

        await using var first = host.NewContext();
        await using var second = host.NewContext();
        var mine = await first.RosterEntries.SingleAsync(e => e.Id == entry.Id);
        var theirs = await second.RosterEntries.SingleAsync(e => e.Id == entry.Id);
        Ok(mine.RecordResult(24m, passed: true, graph.Filing, SeminarStart));
        await first.SaveChangesAsync();
        Ok(theirs.RecordResult(12m, passed: false, graph.Filing, SeminarStart));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task The_live_receipt_index_and_the_receipt_version_hold_on_sqlite_too()
    {
        await using var host = await PortalTestHost.StartSqliteAsync();
        var graph = await ProjectGraph.SaveApprovedAsync(host.NewContext());
        var receipt = Receipt(graph.Filing, IdNumber(11));
        await using (var db = host.NewContext())
        {
            db.Add(receipt);
            await db.SaveChangesAsync();
        }

        await using var duplicate = host.NewContext();
        duplicate.Add(Receipt(graph.Filing, IdNumber(11)));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => duplicate.SaveChangesAsync());
        Assert.True(refused.IsUniqueViolation());

        await using var first = host.NewContext();
        await using var second = host.NewContext();
        var accepting = await first.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id);
        var declining = await second.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id);
        Ok(accepting.Accept(Reviewer, Now));
        await first.SaveChangesAsync();
        Ok(declining.Decline(Reviewer, Now, "名额已满。"));

        var lost = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.True(lost.IsLostRace());
    }
}
