using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Database;

/// <summary>
/// The enrollment queue reads its counts from <see cref="ReceiptTally"/>, kept by triggers on the receipts: they must
/// equal the receipts themselves after every kind of change, in parallel too.
/// </summary>
[Collection(PortalCollections.Seminars)]
public sealed class ReceiptTallyTests(PortalApp app) : SharedPortalTests
{
    private static int _serial = 7000;

    protected override PortalApp Portal => app;

    [Fact]
    public async Task Tallies_follow_submitting_accepting_declining_withdrawing_and_deleting_receipts()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var receipts = Enumerable.Range(0, 5).Select(_ => TestData.Receipt(seminar.Filing, NextId(), traineeUserId: null)).ToList();
        await using (var db = app.NewContext())
        {
            db.EnrollmentReceipts.AddRange(receipts);
            await db.SaveChangesAsync();
            await ReceiptTallyCheck.AssertMatchReceiptsAsync(db);
        }

        await using (var db = app.NewContext())
        {
            var stored = await db.EnrollmentReceipts.Where(r => r.PlanProjectId == seminar.Project.Id).OrderBy(r => r.Id).ToListAsync();
            Assert.True(stored[0].Accept(TestData.Organizer, TestData.Now).IsSuccess);
            Assert.True(stored[1].Accept(TestData.Organizer, TestData.Now).IsSuccess);
            Assert.True(stored[2].Decline(TestData.Organizer, TestData.Now, "名额已满。").IsSuccess);
            db.EnrollmentReceipts.Remove(stored[3]);
            await db.SaveChangesAsync();
            await ReceiptTallyCheck.AssertMatchReceiptsAsync(db);
        }

        await using (var db = app.NewContext())
        {
            var tallies = await db.ReceiptTallies.Where(t => t.PlanProjectId == seminar.Project.Id && t.Count != 0)
                .ToDictionaryAsync(t => t.Status, t => t.Count);
            Assert.Equal(new Dictionary<ReceiptStatus, int> { [ReceiptStatus.Accepted] = 2, [ReceiptStatus.Declined] = 1, [ReceiptStatus.Submitted] = 1 }, tallies);
        }
    }

    [Fact]
    public async Task Parallel_submissions_to_one_project_are_all_counted()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());

        await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            await using var db = app.NewContext();
            db.EnrollmentReceipts.Add(TestData.Receipt(seminar.Filing, NextId(), traineeUserId: null));
            await db.SaveChangesAsync();
        }));

        await using var check = app.NewContext();
        await ReceiptTallyCheck.AssertMatchReceiptsAsync(check);
        Assert.Equal(40, await check.ReceiptTallies
            .Where(t => t.PlanProjectId == seminar.Project.Id && t.Status == ReceiptStatus.Submitted).Select(t => t.Count).SingleAsync());
    }

    private static IdNumber NextId() => TestData.IdNumber(Interlocked.Add(ref _serial, 2));
}
