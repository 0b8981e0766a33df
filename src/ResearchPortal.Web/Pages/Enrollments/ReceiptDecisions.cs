using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.Enrollments;

/// <summary>
/// Accepts or declines receipts of one project, one or many at once, each checked as if decided alone: its state
/// (only 待审核), the seats the filing planned, and a person already on the roster. Accepting puts the person on the
/// roster. Acceptances of one project are serialized (a transaction-scoped lock on PostgreSQL, SQLite's single writer),
/// so two organizers accepting at once never exceed the seats; a decision that loses to another one on the same receipt
/// is retried with fresh data and then reported for that receipt.
/// </summary>
public sealed class ReceiptDecisions(PortalDbContext db, AuditLog audit, PortalClock clock, PortalNotifications notifications)
{
    private const int Attempts = 3;

    /// <summary>The lock's first key, "seat" in ASCII; the second comes from the project id.</summary>
    private const int SeatLockClass = 0x73656174;

    public Task<DecisionReport> AcceptAsync(PlanProject project, Filing filing, IReadOnlyCollection<Guid> receiptIds, Actor actor) =>
        DecideAsync(project, receiptIds, async receipts =>
        {
            var ids = receipts.Select(r => r.Receipt.Id).ToList();
            var state = await db.PlanProjects.Where(p => p.Id == project.Id)
                .Select(p => new
                {
                    Accepted = db.EnrollmentReceipts.Count(r => r.PlanProjectId == p.Id && r.Status == ReceiptStatus.Accepted),
                    LastSequence = db.RosterEntries.Where(e => e.PlanProjectId == p.Id).Max(e => (int?)e.Sequence) ?? 0,
                })
                .SingleAsync();
            var hashes = receipts.Select(r => r.Hash).ToList();
            var onRoster = (await db.RosterEntries
                    .Where(e => e.PlanProjectId == project.Id && hashes.Contains(EF.Property<string>(e, IdNumberMapping.HashProperty)))
                    .Select(e => EF.Property<string>(e, IdNumberMapping.HashProperty))
                    .ToListAsync())
                .ToHashSet();
            var (accepted, sequence) = (state.Accepted, state.LastSequence);
            return receipts.Select(item =>
            {
                var receipt = item.Receipt;
                var result = onRoster.Contains(item.Hash)
                    ? Result.Failure(new Error("Roster.Duplicate", "该身份证号的学员已在本项目学员名单中，不能重复录取。", nameof(EnrollmentReceipt.Status)))
                    : receipt.Status == ReceiptStatus.Submitted ? Seats.CheckOneMore(filing.PlannedTraineeCount, accepted, nameof(EnrollmentReceipt.Status)) : Result.Success();
                result = result.IsFailure ? result : receipt.Accept(actor, clock.Now);
                if (result.IsFailure)
                {
                    return Outcome.Refused(receipt, result);
                }

                var entry = RosterEntry.FromReceipt(receipt, sequence + 1);
                if (entry.IsFailure)
                {
                    return Outcome.Refused(receipt, entry);
                }

                db.RosterEntries.Add(entry.Value);
                onRoster.Add(item.Hash);
                accepted++;
                sequence++;
                audit.Record(actor, AuditActions.EnrollmentAccepted, AuditSubjects.Receipt(receipt.Form.Name, receipt.IdNumber.Masked), project.Id);
                return Outcome.Done(receipt, $"已录取{receipt.Form.Name}，并列入学员名单（序号 {sequence}）。");
            }).ToList();
        }, lockSeats: true);

    public Task<DecisionReport> DeclineAsync(PlanProject project, IReadOnlyCollection<Guid> receiptIds, string? reason, Actor actor) =>
        DecideAsync(project, receiptIds, receipts => Task.FromResult(receipts.Select(item =>
        {
            var receipt = item.Receipt;
            var result = receipt.Decline(actor, clock.Now, reason ?? string.Empty);
            if (result.IsFailure)
            {
                return Outcome.Refused(receipt, result);
            }

            audit.Record(actor, AuditActions.EnrollmentDeclined, AuditSubjects.Receipt(receipt.Form.Name, receipt.IdNumber.Masked), project.Id, receipt.DecisionReason);
            return Outcome.Done(receipt, $"已不予录取{receipt.Form.Name}。");
        }).ToList()), lockSeats: false);

    private async Task<DecisionReport> DecideAsync(
        PlanProject project, IReadOnlyCollection<Guid> receiptIds, Func<List<Loaded>, Task<List<Outcome>>> decide, bool lockSeats)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (lockSeats && db is PostgresPortalDbContext)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeatLockClass}, {LockKey(project.Id)})");
            }

            // First come, first served: when seats run out, the earlier receipts get them.
            var receipts = await db.EnrollmentReceipts
                .Where(r => r.PlanProjectId == project.Id && receiptIds.Contains(r.Id))
                .OrderBy(r => r.SubmittedAt)
                .Select(r => new Loaded(r, EF.Property<string>(r, IdNumberMapping.HashProperty)))
                .ToListAsync();
            var outcomes = await decide(receipts);
            foreach (var outcome in outcomes.Where(o => o.Decided))
            {
                await notifications.ReceiptDecidedAsync(project, outcome.Receipt); // queued with the decision
            }

            try
            {
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                return new DecisionReport(outcomes);
            }
            catch (DbUpdateException exception) when (exception.IsLostRace())
            {
                // Someone decided or withdrew one of these receipts meanwhile: look again, each receipt as it now is.
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
                if (attempt == Attempts)
                {
                    return new DecisionReport(receipts.Select(r => Outcome.Refused(r.Receipt, Result.Failure(new Error(
                        "Concurrency", AggregateSave.ConflictMessage, nameof(EnrollmentReceipt.Status))))).ToList());
                }
            }
        }
    }

    /// <summary>Mixes the whole id, so projects created close together (version-7 ids share their leading bytes)
    /// rarely share a lock.</summary>
    private static int LockKey(Guid projectId)
    {
        Span<byte> bytes = stackalloc byte[16];
        projectId.TryWriteBytes(bytes);
        var parts = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(bytes);
        return parts[0] ^ parts[1] ^ parts[2] ^ parts[3];
    }

    private sealed record Loaded(EnrollmentReceipt Receipt, string Hash);

    /// <summary>What happened to one receipt: <paramref name="Message"/> says it was decided, or why not.</summary>
    public sealed record Outcome(EnrollmentReceipt Receipt, bool Decided, string Message, Result Result)
    {
        public static Outcome Done(EnrollmentReceipt receipt, string message) => new(receipt, true, message, Result.Success());

        public static Outcome Refused(EnrollmentReceipt receipt, Result result) =>
            new(receipt, false, string.Join(" ", result.Errors.Select(e => e.Message)), result);
    }

    public sealed record DecisionReport(IReadOnlyList<Outcome> Outcomes)
    {
        public IReadOnlyList<EnrollmentReceipt> Decided => Outcomes.Where(o => o.Decided).Select(o => o.Receipt).ToList();

        public IReadOnlyList<Outcome> Refused => Outcomes.Where(o => !o.Decided).ToList();

        /// <summary>"已录取 12 人；3 人未能录取：张三——名额已满……；李四——……".</summary>
        public string Summary(string verb)
        {
            var done = $"已{verb} {Decided.Count} 人";
            return Refused.Count == 0
                ? $"{done}。"
                : $"{done}；{Refused.Count} 人未能{verb}：{string.Join("；", Refused.Select(o => $"{o.Receipt.Form.Name}——{o.Message.TrimEnd('。')}"))}。";
        }
    }
}
