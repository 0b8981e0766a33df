using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;
using ResearchPortal.Web.Pages.Seminars;

namespace ResearchPortal.Web.Pages.Enrollments;

/// <summary>The host unit's enrollment queue: accept (the receipt becomes a roster entry) or decline with a reason.</summary>
[Authorize(Policy = PortalPolicies.Organizer)]
public sealed class QueueModel(
    PortalDbContext db,
    ProjectAccess access,
    PortalClock clock,
    IdNumberLookup idNumbers,
    AuditLog auditLog,
    PortalNotifications notifications)
    : PageModel
{
    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public PlanProject Project { get; private set; } = null!;

    /// <summary>Null until the filing is approved (no receipts can exist before).</summary>
    public PublishedSeminar? Seminar { get; private set; }

    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    /// <summary>The row an htmx decision answers with (<see cref="Decision"/>'s receipt), and its status message.</summary>
    public QueueRow? DecidedRow { get; private set; }

    public string? DecidedMessage { get; private set; }

    /// <summary>htmx posts a row and swaps in just that row (and the counter); a plain form post gets PRG.</summary>
    private bool IsHtmx => Request.Headers.ContainsKey("HX-Request");

    /// <summary>The decided row shows back the user's input with its errors, or the success message.</summary>
    public QueueRowView RowView(QueueRow row) =>
        row.Receipt.Id == Decision.ReceiptId
            ? new(Project.Id, row, ModelState.IsValid ? null : Decision, DecidedMessage)
            : new(Project.Id, row, null, null);

    public QueueCounts? Counts(bool outOfBand) =>
        Seminar is null
            ? null
            : new(Seminar.Filing.PlannedTraineeCount ?? 0, Seminar.AcceptedCount, Seminar.SeatsLeft,
                Rows.Count(r => r.Receipt.Status == ReceiptStatus.Submitted), outOfBand);

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await access.FindAsync(User, projectId, ProjectOperations.Manage) is not { } project)
        {
            return NotFound();
        }

        await LoadAsync(project);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid projectId)
    {
        if (await FindAsync(projectId) is not ({ } project, { } receipt))
        {
            return NotFound();
        }

        // The roster holds each person once (a unique index backs this); say so rather than fail on save.
        if (await idNumbers.Matching(db.RosterEntries, receipt.IdNumber).AnyAsync(e => e.PlanProjectId == project.Id))
        {
            return await RefuseAsync(project, Result.Failure(new Error(
                "Roster.Duplicate", "该身份证号的学员已在本项目学员名单中，不能重复录取。", nameof(EnrollmentReceipt.Status))));
        }

        var accepted = receipt.Accept(User.ToActor(), clock.Now);
        if (accepted.IsFailure)
        {
            return await RefuseAsync(project, accepted);
        }

        var sequence = (await db.RosterEntries.Where(e => e.PlanProjectId == project.Id).MaxAsync(e => (int?)e.Sequence) ?? 0) + 1;
        var entry = RosterEntry.FromReceipt(receipt, sequence);
        if (entry.IsFailure)
        {
            return await RefuseAsync(project, entry);
        }

        db.RosterEntries.Add(entry.Value);
        return await SaveDecisionAsync(project, receipt, AuditActions.EnrollmentAccepted, $"已录取{receipt.Form.Name}，并列入学员名单（序号 {sequence}）。");
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid projectId)
    {
        if (await FindAsync(projectId) is not ({ } project, { } receipt))
        {
            return NotFound();
        }

        var declined = receipt.Decline(User.ToActor(), clock.Now, Decision.DecisionReason ?? string.Empty);
        return declined.IsFailure
            ? await RefuseAsync(project, declined)
            : await SaveDecisionAsync(project, receipt, AuditActions.EnrollmentDeclined, $"已不予录取{receipt.Form.Name}。");
    }

    /// <summary>The project (host unit only) and one of its receipts; anything else is a 404.</summary>
    private async Task<(PlanProject Project, EnrollmentReceipt Receipt)?> FindAsync(Guid projectId)
    {
        if (await access.FindAsync(User, projectId, ProjectOperations.Manage) is not { } project)
        {
            return null;
        }

        var receipt = await db.EnrollmentReceipts.SingleOrDefaultAsync(r => r.Id == Decision.ReceiptId && r.PlanProjectId == project.Id);
        return receipt is null ? null : (project, receipt);
    }

    private async Task<IActionResult> SaveDecisionAsync(PlanProject project, EnrollmentReceipt receipt, string action, string message)
    {
        auditLog.Record(User.ToActor(), action, $"报名回执 {receipt.Form.Name}（{receipt.IdNumber.Masked}）", project.Id, receipt.DecisionReason);
        await notifications.ReceiptDecidedAsync(project, receipt);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException exception) when (exception.IsLostRace())
        {
            // Another organizer decided this receipt, the trainee withdrew it, or the person was put on the roster
            // in the meantime; only the winner's mail goes out.
            db.ChangeTracker.Clear();
            return await RefuseAsync(project, Result.Failure(new Error(
                "Concurrency", EnrollmentReceipt.HandledByOthersMessage, nameof(EnrollmentReceipt.Status))));
        }

        if (IsHtmx)
        {
            DecidedMessage = message;
            return await RowAsync(project);
        }

        TempData["StatusMessage"] = message;
        return RedirectToPage(new { projectId = project.Id });
    }

    private async Task<IActionResult> RefuseAsync(PlanProject project, Result result)
    {
        ModelState.AddDomainErrors(result, nameof(Decision));
        return IsHtmx ? await RowAsync(project) : await PageAsync(project);
    }

    private async Task<IActionResult> PageAsync(PlanProject project)
    {
        await LoadAsync(project);
        return Page();
    }

    /// <summary>htmx: the decided receipt's row as it now is in the database, plus the counter out of band.</summary>
    private async Task<IActionResult> RowAsync(PlanProject project)
    {
        await LoadAsync(project);
        DecidedRow = Rows.Single(r => r.Receipt.Id == Decision.ReceiptId);
        return Partial("_QueueDecision", this);
    }

    private async Task LoadAsync(PlanProject project)
    {
        Project = project;
        Seminar = await PublishedSeminars.FindAsync(db, project.Id);
        var receipts = await db.EnrollmentReceipts.AsNoTracking()
            .Where(r => r.PlanProjectId == project.Id)
            .Select(r => new { Receipt = r, Hash = EF.Property<string>(r, IdNumberMapping.HashProperty) })
            .ToListAsync();
        var rosterHashes = (await db.RosterEntries
                .Where(e => e.PlanProjectId == project.Id)
                .Select(e => EF.Property<string>(e, IdNumberMapping.HashProperty))
                .ToListAsync())
            .ToHashSet();
        var liveCountByHash = receipts.Where(r => r.Receipt.IsLive).CountBy(r => r.Hash).ToDictionary();
        Rows = receipts
            .Select(r => new QueueRow(
                r.Receipt,
                SharesIdNumber: r.Receipt.IsLive && liveCountByHash[r.Hash] > 1,
                AlreadyOnRoster: r.Receipt.Status == ReceiptStatus.Submitted && rosterHashes.Contains(r.Hash)))
            // Waiting receipts first, oldest first (first come, first served); then the decided ones newest first,
            // as every history of the portal (docs/PAGES.md).
            .OrderBy(r => r.Receipt.Status != ReceiptStatus.Submitted)
            .ThenBy(r => r.Receipt.Status == ReceiptStatus.Submitted
                ? r.Receipt.SubmittedAt.UtcTicks
                : -(r.Receipt.DecidedAt ?? r.Receipt.WithdrawnAt ?? r.Receipt.SubmittedAt).UtcTicks)
            .ToList();
    }

    public sealed class DecisionInput
    {
        public Guid ReceiptId { get; set; }

        /// <summary>Named as the domain's field so its "reason required" error lands next to the box.</summary>
        public string? DecisionReason { get; set; }
    }

    /// <param name="SharesIdNumber">Another live receipt of this project carries the same ID number.</param>
    /// <param name="AlreadyOnRoster">The person is already on the roster (e.g. typed in by the organizer).</param>
    public sealed record QueueRow(EnrollmentReceipt Receipt, bool SharesIdNumber, bool AlreadyOnRoster);

    /// <param name="Rejected">The user's input, shown back with its errors.</param>
    public sealed record QueueRowView(Guid ProjectId, QueueRow Row, DecisionInput? Rejected, string? Message);

    public sealed record QueueCounts(int Planned, int Accepted, int SeatsLeft, int Pending, bool OutOfBand);
}
