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
/// The queue and the roster keep their pages under the project's <see cref="EnrollmentVersion"/>, moved by triggers:
/// every kind of change to a project's receipts and roster must move it (on both providers) and leave other projects'
/// alone, and in PostgreSQL the shared row must not make one save wait for another open transaction on the same roster.
/// </summary>
[Collection(PortalCollections.Seminars)]
public sealed class EnrollmentVersionTests(PortalApp app) : SharedPortalTests
{
    private static int _serial = 9500;

    protected override PortalApp Portal => app;

    [Fact]
    public Task Every_change_to_a_projects_receipts_and_roster_moves_its_version_only() =>
        AssertEveryChangeMovesTheVersionAsync(app.NewContext);

    [Fact]
    public async Task SQLite_moves_the_versions_too()
    {
        await using var host = await PortalTestHost.StartSqliteAsync();
        await AssertEveryChangeMovesTheVersionAsync(host.NewContext);
    }

    [Fact]
    public async Task A_roster_row_saved_while_another_transaction_holds_a_row_of_the_same_roster_does_not_wait_for_it()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var entries = Enumerable.Range(1, 2).Select(sequence => Ok(RosterEntry.Create(
            seminar.Project.Id, sequence, $"版本{sequence}", Gender.Female, NextId(), "济南市农业科学研究院", null, null))).ToList();
        await using (var db = app.NewContext())
        {
            db.RosterEntries.AddRange(entries);
            await db.SaveChangesAsync();
        }

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

    private static async Task AssertEveryChangeMovesTheVersionAsync(Func<PortalDbContext> newContext)
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(newContext());
        var bystander = await ProjectGraph.SaveApprovedAsync(newContext());
        var receipt = Receipt(seminar.Filing, NextId());
        var untouched = await VersionAsync(newContext, bystander.Project.Id);
        var last = await VersionAsync(newContext, seminar.Project.Id);
        Assert.Equal(0, last);

        async Task AssertMovedAsync(Func<PortalDbContext, Task> change)
        {
            await using (var db = newContext())
            {
                await change(db);
                await db.SaveChangesAsync();
            }

            var now = await VersionAsync(newContext, seminar.Project.Id);
            Assert.True(now > last, $"the version stayed at {last}");
            last = now;
        }

        await AssertMovedAsync(db => Task.FromResult(db.EnrollmentReceipts.Add(receipt)));
        await AssertMovedAsync(async db => Ok((await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id)).Accept(Organizer, Now)));
        RosterEntry entry = null!;
        await AssertMovedAsync(async db =>
        {
            entry = Ok(RosterEntry.FromReceipt(await db.EnrollmentReceipts.AsNoTracking().SingleAsync(r => r.Id == receipt.Id), 1));
            db.RosterEntries.Add(entry);
        });
        await AssertMovedAsync(db => RenameUnitAsync(db, entry.Id, "改后的工作单位"));
        await AssertMovedAsync(async db => db.RosterEntries.Remove(await db.RosterEntries.SingleAsync(e => e.Id == entry.Id)));
        await AssertMovedAsync(async db => db.EnrollmentReceipts.Remove(await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id)));

        Assert.Equal(untouched, await VersionAsync(newContext, bystander.Project.Id));
    }

    private static Task<int> RenameUnitAsync(PortalDbContext db, Guid entryId, string unit) =>
        db.RosterEntries.Where(e => e.Id == entryId).ExecuteUpdateAsync(set => set.SetProperty(e => e.WorkUnit, unit));

    private static async Task<long> VersionAsync(Func<PortalDbContext> newContext, Guid projectId)
    {
        await using var db = newContext();
        return await EnrollmentVersion.ReadAsync(db, projectId);
    }

    private static IdNumber NextId() => IdNumber(Interlocked.Add(ref _serial, 2));
}
