using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Persistence;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Database;

/// <summary>
/// The lists keep their pages under a <see cref="ListVersion"/> moved by triggers: every kind of change to a project's
/// receipts and roster must move that project's version (and no other project's), every change to projects, units,
/// filings, close-outs and plan years the plan's, on both providers; and in PostgreSQL the shared rows must neither make a save
/// wait for another open transaction nor let two commits wait for each other.
/// </summary>
[Collection(PortalCollections.Seminars)]
public sealed class ListVersionTests(PortalApp app) : SharedPortalTests
{
    private static int _serial = 9500;

    protected override PortalApp Portal => app;

    [Fact]
    public Task Every_change_to_a_projects_receipts_and_roster_moves_its_version_only() =>
        AssertEveryEnrollmentChangeMovesTheProjectsVersionAsync(app.NewContext);

    [Fact]
    public async Task Every_change_to_projects_units_filings_close_outs_and_years_moves_the_plans_version()
    {
        // A database of its own: the shared portal's other tests move the plan's version meanwhile.
        await using var host = await PortalTestHost.StartPostgresAsync();
        await AssertEveryPlanChangeMovesThePlansVersionAsync(host.NewContext);
    }

    [Fact]
    public async Task SQLite_moves_the_versions_too()
    {
        await using var host = await PortalTestHost.StartSqliteAsync();
        await AssertEveryEnrollmentChangeMovesTheProjectsVersionAsync(host.NewContext);
        await AssertEveryPlanChangeMovesThePlansVersionAsync(host.NewContext);
    }

    [Fact]
    public async Task A_roster_row_saved_while_another_transaction_holds_a_row_of_the_same_roster_does_not_wait_for_it()
    {
        var (seminar, entries) = await RosterAsync(2);
        var before = await VersionAsync(app.NewContext, seminar.Project.Id);
        await using var open = app.NewContext();
        await using var transaction = await open.Database.BeginTransactionAsync();
        await RenameUnitAsync(open, entries[0].Id, "一号单位");

        // The version moves at commit, so the other row's save takes no lock the open transaction holds.
        await using (var other = app.NewContext())
        {
            var save = RenameUnitAsync(other, entries[1].Id, "二号单位");
            Assert.Same(save, await Task.WhenAny(save, Task.Delay(TimeSpan.FromSeconds(10))));
            await save;
        }

        Assert.Equal(before + 1, await VersionAsync(app.NewContext, seminar.Project.Id));
        await transaction.CommitAsync();
        Assert.Equal(before + 2, await VersionAsync(app.NewContext, seminar.Project.Id));
    }

    [Fact]
    public async Task A_commit_takes_the_plans_version_before_a_projects_so_two_commits_never_wait_for_each_other()
    {
        var (seminar, entries) = await RosterAsync(1);

        // Another commit is moving the plan's version (it holds that row) and will move this project's next.
        await using var other = app.NewContext();
        await using var otherTransaction = await other.Database.BeginTransactionAsync();
        await other.Database.ExecuteSqlAsync($"""SELECT 1 FROM "ListVersions" WHERE "Scope" = {ListVersion.Plan} FOR UPDATE""");

        // This transaction changed the roster; moving the project's version at commit first waits for the plan's row.
        await using var db = app.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await RenameUnitAsync(db, entries[0].Id, "改后的单位");
        var commitTriggers = db.Database.ExecuteSqlRawAsync("SET CONSTRAINTS ALL IMMEDIATE");
        Assert.NotSame(commitTriggers, await Task.WhenAny(commitTriggers, Task.Delay(TimeSpan.FromSeconds(1))));

        // ... holding nothing the other commit needs: it moves the project's version at once.
        var otherMove = other.Database.ExecuteSqlAsync($"""UPDATE "ListVersions" SET "Version" = "Version" + 1 WHERE "Scope" = {seminar.Project.Id}""");
        Assert.Same(otherMove, await Task.WhenAny(otherMove, Task.Delay(TimeSpan.FromSeconds(10))));
        await otherMove;
        await otherTransaction.CommitAsync();
        await commitTriggers;
        await transaction.CommitAsync();
    }

    private async Task<(ProjectGraph Seminar, List<RosterEntry> Entries)> RosterAsync(int size)
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var entries = Enumerable.Range(1, size).Select(sequence => Ok(RosterEntry.Create(
            seminar.Project.Id, sequence, $"版本{sequence}", Gender.Female, NextId(), "济南市农业科学研究院", null, null))).ToList();
        await using var db = app.NewContext();
        db.RosterEntries.AddRange(entries);
        await db.SaveChangesAsync();
        return (seminar, entries);
    }

    private static async Task AssertEveryEnrollmentChangeMovesTheProjectsVersionAsync(Func<PortalDbContext> newContext)
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(newContext());
        var bystander = await ProjectGraph.SaveApprovedAsync(newContext());
        var receipt = Receipt(seminar.Filing, NextId());
        var untouched = await VersionAsync(newContext, bystander.Project.Id);
        var moves = new VersionMoves(newContext, seminar.Project.Id);
        Assert.Equal(0, await moves.CurrentAsync());

        await moves.AssertMovedByAsync(db => Task.FromResult(db.EnrollmentReceipts.Add(receipt)));
        await moves.AssertMovedByAsync(async db => Ok((await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id)).Accept(Organizer, Now)));
        RosterEntry entry = null!;
        await moves.AssertMovedByAsync(async db =>
        {
            entry = Ok(RosterEntry.FromReceipt(await db.EnrollmentReceipts.AsNoTracking().SingleAsync(r => r.Id == receipt.Id), 1));
            db.RosterEntries.Add(entry);
        });
        await moves.AssertMovedByAsync(db => RenameUnitAsync(db, entry.Id, "改后的工作单位"));
        await moves.AssertMovedByAsync(async db => db.RosterEntries.Remove(await db.RosterEntries.SingleAsync(e => e.Id == entry.Id)));
        await moves.AssertMovedByAsync(async db => db.EnrollmentReceipts.Remove(await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id)));

        Assert.Equal(untouched, await VersionAsync(newContext, bystander.Project.Id));
    }

    private static async Task AssertEveryPlanChangeMovesThePlansVersionAsync(Func<PortalDbContext> newContext)
    {
        var moves = new VersionMoves(newContext, ListVersion.Plan);
        await moves.CurrentAsync();
        ProjectGraph seminar = null!;
        await moves.AssertMovedByAsync(async db => seminar = await ProjectGraph.SaveApprovedAsync(newContext()));
        await moves.AssertMovedByAsync(db => db.PlanProjects.Where(p => p.Id == seminar.Project.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.Name, "改名的项目")));
        await moves.AssertMovedByAsync(db => db.Organizations.Where(o => o.Id == seminar.Host.Id).ExecuteUpdateAsync(set => set.SetProperty(o => o.City, "青岛市")));
        await moves.AssertMovedByAsync(db => db.Filings.Where(f => f.Id == seminar.Filing.Id).ExecuteUpdateAsync(set => set.SetProperty(f => f.Venue, "改后的地点")));
        await moves.AssertMovedByAsync(db => Task.FromResult(db.PlanYears.Add(PlanYear(2099))));
        var closeOut = CompleteCloseOut(seminar.Project.Id);
        await moves.AssertMovedByAsync(db => Task.FromResult(db.CloseOuts.Add(closeOut)));
        await moves.AssertMovedByAsync(async db => db.CloseOuts.Remove(await db.CloseOuts.SingleAsync(c => c.Id == closeOut.Id)));

        // A receipt is the project's, not the plan's.
        var before = await moves.CurrentAsync();
        await using (var db = newContext())
        {
            db.EnrollmentReceipts.Add(Receipt(seminar.Filing, NextId()));
            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await moves.CurrentAsync());
    }

    private static Task<int> RenameUnitAsync(PortalDbContext db, Guid entryId, string unit) =>
        db.RosterEntries.Where(e => e.Id == entryId).ExecuteUpdateAsync(set => set.SetProperty(e => e.WorkUnit, unit));

    private static async Task<long> VersionAsync(Func<PortalDbContext> newContext, Guid scope)
    {
        await using var db = newContext();
        return await ListVersion.ReadAsync(db, scope);
    }

    private static IdNumber NextId() => IdNumber(Interlocked.Add(ref _serial, 2));

    /// <summary>Applies one change at a time in its own unit of work and checks that it moved the scope's version.</summary>
    private sealed class VersionMoves(Func<PortalDbContext> newContext, Guid scope)
    {
        private long _last;

        public async Task<long> CurrentAsync() => _last = await VersionAsync(newContext, scope);

        public async Task AssertMovedByAsync(Func<PortalDbContext, Task> change)
        {
            await using (var db = newContext())
            {
                await change(db);
                await db.SaveChangesAsync();
            }

            var now = await VersionAsync(newContext, scope);
            Assert.True(now > _last, $"the version stayed at {_last}");
            _last = now;
        }
    }
}
