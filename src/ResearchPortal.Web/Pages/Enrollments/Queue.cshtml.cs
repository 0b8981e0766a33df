using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Listing;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.Enrollments;

/// <summary>
/// The host unit's enrollment queue, paged and searchable: accept (the receipt becomes a roster entry) or decline with a
/// reason, one receipt in place (htmx) or the ticked ones at once with a summary of what happened to each.
/// </summary>
[Authorize(Policy = PortalPolicies.Organizer)]
public sealed class QueueModel(
    PortalDbContext db,
    ProjectAccess access,
    PortalClock clock,
    AuditLog auditLog,
    PortalNotifications notifications,
    ListPageCache listPages)
    : ListPageModel
{
    public const string StatusKey = "status";

    /// <summary>The status filter's URL values.</summary>
    public static readonly IReadOnlyList<(string Key, ReceiptStatus Status)> Statuses =
    [
        ("submitted", ReceiptStatus.Submitted), ("accepted", ReceiptStatus.Accepted), ("declined", ReceiptStatus.Declined), ("withdrawn", ReceiptStatus.Withdrawn),
    ];

    /// <summary>By default waiting receipts first, oldest first (first come, first served); then the decided ones newest
    /// first, as every history of the portal (docs/PAGES.md).</summary>
    private static readonly SortOrder<QueueRow> Sorts = new SortOrder<QueueRow>("queue", r => r.Id)
        .By("queue", (rows, _) => rows
            .OrderBy(r => r.Status == ReceiptStatus.Submitted ? 0 : 1)
            .ThenBy(r => r.Status == ReceiptStatus.Submitted ? r.SubmittedAt : (DateTimeOffset?)null)
            .ThenByDescending(r => r.DecidedAt ?? r.WithdrawnAt ?? r.SubmittedAt))
        .By("name", r => r.Name)
        .By("unit", r => r.WorkUnit)
        .By("submitted", r => r.SubmittedAt);

    /// <summary>What <see cref="FindHeadAsync"/> reads, read on every queue request.</summary>
    private static readonly CompiledPerModel<Func<PortalDbContext, Guid, Task<QueueHead?>>> HeadQuery = new(() =>
        EF.CompileAsyncQuery((PortalDbContext context, Guid projectId) => (
            from project in context.PlanProjects.AsNoTracking()
            where project.Id == projectId
            join filing in context.Filings.Where(f => f.Status == FilingStatus.Approved) on project.Id equals filing.PlanProjectId into approved
            from filing in approved.DefaultIfEmpty()
            select new QueueHead(
                project,
                filing == null ? null : new SeminarSeats(
                    filing.PlannedTraineeCount,
                    context.ReceiptTallies.Where(t => t.PlanProjectId == project.Id && t.Status == ReceiptStatus.Accepted).Sum(t => t.Count)),
                new QueueSize(
                    context.ReceiptTallies.Where(t => t.PlanProjectId == project.Id).Sum(t => t.Count),
                    context.ReceiptTallies.Where(t => t.PlanProjectId == project.Id && t.Status == ReceiptStatus.Submitted).Sum(t => t.Count)),
                context.ListVersions.Where(v => v.Scope == project.Id).Select(v => v.Version).FirstOrDefault()))
            .SingleOrDefault()));

    private readonly ReceiptDecisions _decisions = new(db, auditLog, clock, notifications);

    [BindProperty(SupportsGet = true, Name = StatusKey)]
    public string? Status { get; set; }

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    /// <summary>The reason typed for declining the ticked receipts, shown back when refused.</summary>
    public string? BulkReason { get; private set; }

    public PlanProject Project { get; private set; } = null!;

    /// <summary>The approved seminar's planned and accepted trainees; null until the filing is approved (no receipts
    /// can exist before).</summary>
    public SeminarSeats? Seats { get; private set; }

    public PagedList<QueueRow> Rows { get; private set; } = new([], 1, DefaultPageSize, 0);

    /// <summary>The rows the row markup renders: the page, or just the decided row for an htmx answer.</summary>
    public IReadOnlyList<QueueRow> ShownRows { get; private set; } = [];

    public int Pending { get; private set; }

    public string? DecidedMessage { get; private set; }

    /// <summary>Built once per page, so each row's forms share them.</summary>
    public string AcceptUrl { get; private set; } = string.Empty;

    public string DeclineUrl { get; private set; } = string.Empty;

    /// <summary>The details handler's URL, to which a row adds its receipt id.</summary>
    public string DetailsUrl { get; private set; } = string.Empty;

    public bool IsFiltered => SearchTerm is not null || StatusFilter is not null;

    private (string Key, ReceiptStatus Status)? StatusFilter => Statuses.Any(s => s.Key == Status) ? Statuses.First(s => s.Key == Status) : null;

    /// <summary>htmx posts a row and swaps in just that row (and the counter); a plain form post gets PRG.</summary>
    private bool IsHtmx => Request.Headers.ContainsKey("HX-Request");

    /// <summary>The decided row shows back the user's input with its errors, or the success message.</summary>
    public bool IsRejected(QueueRow row) => row.Id == Decision.ReceiptId && !ModelState.IsValid;

    public string? MessageFor(QueueRow row) => row.Id == Decision.ReceiptId ? DecidedMessage : null;

    public QueueCounts? Counts(bool outOfBand) =>
        Seats is null ? null : new(Seats.Planned ?? 0, Seats.Accepted, Seats.Left, Pending, outOfBand);

    public Task<IActionResult> OnGetAsync(Guid projectId) => PageAsync(projectId);

    /// <summary>htmx: the rest of one receipt's form (Annex 3), read when its row's 回执详情 is opened.</summary>
    public async Task<IActionResult> OnGetDetailsAsync(Guid projectId, Guid receiptId)
    {
        if (await access.FindAsync(User, projectId, ProjectOperations.Manage) is not { } project)
        {
            return NotFound();
        }

        var form = await db.EnrollmentReceipts.AsNoTracking()
            .Where(r => r.Id == receiptId && r.PlanProjectId == project.Id)
            .Select(r => r.Form)
            .SingleOrDefaultAsync();
        return form is null ? NotFound() : Partial("_ReceiptDetails", form);
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid projectId)
    {
        if (await FindAsync(projectId) is not ({ } project, { } filing))
        {
            return NotFound();
        }

        return await AnswerOneAsync(project, await _decisions.AcceptAsync(project, filing, [Decision.ReceiptId], User.ToActor()));
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid projectId)
    {
        if (await access.FindAsync(User, projectId, ProjectOperations.Manage) is not { } project)
        {
            return NotFound();
        }

        return await AnswerOneAsync(project, await _decisions.DeclineAsync(project, [Decision.ReceiptId], Decision.DecisionReason, User.ToActor()));
    }

    /// <summary>录取选中: each ticked receipt accepted as if alone, then one summary of what happened to each.</summary>
    public async Task<IActionResult> OnPostAcceptSelectedAsync(Guid projectId, [Bind(Prefix = "Selected")] List<Guid> selected)
    {
        if (await FindAsync(projectId) is not ({ } project, { } filing))
        {
            return NotFound();
        }

        if (selected.Count == 0)
        {
            return await NothingTickedAsync(project);
        }

        return await AnswerManyAsync(project, await _decisions.AcceptAsync(project, filing, selected, User.ToActor()), "录取");
    }

    /// <summary>不予录取选中: one reason for all the ticked receipts.</summary>
    public async Task<IActionResult> OnPostDeclineSelectedAsync(Guid projectId, [Bind(Prefix = "Selected")] List<Guid> selected, string? bulkReason)
    {
        if (await access.FindAsync(User, projectId, ProjectOperations.Manage) is not { } project)
        {
            return NotFound();
        }

        BulkReason = bulkReason;
        if (selected.Count == 0)
        {
            return await NothingTickedAsync(project);
        }

        var report = await _decisions.DeclineAsync(project, selected, bulkReason, User.ToActor());
        var reasonErrors = report.Refused.SelectMany(o => o.Result.Errors).Where(e => e.Field == nameof(EnrollmentReceipt.DecisionReason)).ToList();
        if (report.Decided.Count == 0 && reasonErrors.Count > 0)
        {
            // The reason itself is refused (missing, too long): say so at its box, with what was typed.
            ModelState.AddModelError(nameof(bulkReason), reasonErrors[0].Message);
            return await PageAsync(project.Id);
        }

        return await AnswerManyAsync(project, report, "不予录取");
    }

    private async Task<IActionResult> NothingTickedAsync(PlanProject project)
    {
        ModelState.AddModelError(string.Empty, "请先勾选要处理的报名回执。");
        return await PageAsync(project.Id);
    }

    /// <summary>The project (host unit only) and its filing, which holds the seats; anything else is a 404.</summary>
    private async Task<(PlanProject Project, Filing Filing)?> FindAsync(Guid projectId) =>
        await access.FindWithFilingAsync(User, projectId, ProjectOperations.Manage) is ({ } project, { } filing) ? (project, filing) : null;

    /// <summary>What the queue shows above its rows, in one command: the project (host unit only, else null), the approved
    /// seminar's seats and the receipts' counts from the database's tallies.</summary>
    private async Task<QueueHead?> FindHeadAsync(Guid projectId)
    {
        var head = await HeadQuery.For(db)(db, projectId);
        return head is not null && await access.IsAllowedAsync(User, head.Project, ProjectOperations.Manage) ? head : null;
    }

    private async Task<IActionResult> AnswerOneAsync(PlanProject project, ReceiptDecisions.DecisionReport report)
    {
        if (report.Outcomes.SingleOrDefault() is not { } outcome)
        {
            return NotFound();
        }

        if (!outcome.Decided && outcome.Result.IsStateRefusal() && !IsHtmx)
        {
            // Decided or withdrawn meanwhile; htmx swaps in the row as it now is, with the reason beside it.
            return this.NotEditable(outcome.Result, pageName: null, ListRouteValues(new { projectId = project.Id, status = StatusFilter?.Key }));
        }

        if (!outcome.Decided)
        {
            ModelState.AddDomainErrors(outcome.Result, nameof(Decision));
            return IsHtmx ? await RowAsync(project.Id) : await PageAsync(project.Id);
        }

        if (IsHtmx)
        {
            DecidedMessage = outcome.Message;
            return await RowAsync(project.Id);
        }

        TempData["StatusMessage"] = outcome.Message;
        return RedirectToList(project);
    }

    private async Task<IActionResult> AnswerManyAsync(PlanProject project, ReceiptDecisions.DecisionReport report, string verb)
    {
        TempData["StatusMessage"] = report.Summary(verb);
        return RedirectToList(project);
    }

    private RedirectToPageResult RedirectToList(PlanProject project) =>
        RedirectToPage(ListRouteValues(new { projectId = project.Id, status = StatusFilter?.Key }));

    private async Task<IActionResult> PageAsync(Guid projectId)
    {
        if (await FindHeadAsync(projectId) is not { } head)
        {
            return NotFound();
        }

        await LoadAsync(head);
        ShownRows = Rows.Items;
        return Page();
    }

    /// <summary>htmx: the decided receipt's row as it now is in the database, plus the counter out of band.</summary>
    private async Task<IActionResult> RowAsync(Guid projectId)
    {
        if (await FindHeadAsync(projectId) is not { } head)
        {
            return NotFound();
        }

        Show(head);
        ShownRows = await AsRows(db.EnrollmentReceipts.Where(r => r.Id == Decision.ReceiptId && r.PlanProjectId == projectId), projectId).ToListAsync();
        SetUrls();
        return Partial("_QueueDecision", this);
    }

    private void Show(QueueHead head)
    {
        Project = head.Project;
        Seats = head.Seats;
        Pending = head.Receipts.Waiting;
    }

    /// <summary>A fixed number of commands whatever the queue's size: the head (project, seats, the database's tallies
    /// by status, the version), and — unless this instance holds the page under that version — the filtered list's count
    /// by status when something filters it, and one page of projected rows (masked ID numbers come from their column).</summary>
    private async Task LoadAsync(QueueHead head)
    {
        Show(head);
        Rows = await listPages.GetOrReadAsync(
            new ListPageKey("queue", head.Project.Id, head.Version, (SearchTerm, StatusFilter?.Key, Sorts.Effective(Sort), PageNumber)),
            () => ReadPageAsync(head));
        SetUrls();
    }

    private async Task<PagedList<QueueRow>> ReadPageAsync(QueueHead head)
    {
        var filtered = Filter(db.EnrollmentReceipts.Where(r => r.PlanProjectId == head.Project.Id));
        var size = head.Receipts;
        if (IsFiltered)
        {
            var byStatus = await filtered.GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync();
            size = new QueueSize(byStatus.Sum(s => s.Count), byStatus.Where(s => s.Status == ReceiptStatus.Submitted).Sum(s => s.Count));
        }

        return await PageOfRowsAsync(filtered, head.Project.Id, size);
    }

    /// <summary>
    /// One page of rows, counted already. In the queue's own order the page comes from two parts, each read straight from
    /// the queue index in its order — the waiting receipts oldest first, then the decided ones newest first — with the
    /// page's share of each worked out from the counts, so the database never sorts the whole queue.
    /// </summary>
    private async Task<PagedList<QueueRow>> PageOfRowsAsync(IQueryable<EnrollmentReceipt> receipts, Guid projectId, QueueSize counts)
    {
        if (!Sorts.IsDefault(Sort))
        {
            return await Sorts.Apply(AsRows(receipts, projectId), Sort).ToCountedPagedListAsync(PageNumber, counts.Total);
        }

        var page = PagedListExtensions.ClampPage(PageNumber, DefaultPageSize, counts.Total);
        if (counts.Total == 0)
        {
            return new PagedList<QueueRow>([], page, DefaultPageSize, 0);
        }

        // Worked out here, so the query holds plain values (EF would otherwise evaluate these calls per execution).
        var skip = (page - 1) * DefaultPageSize;
        var waitingSkip = Math.Min(skip, counts.Waiting);
        var waitingTake = Math.Clamp(counts.Waiting - skip, 0, DefaultPageSize);
        var decidedSkip = Math.Max(0, skip - counts.Waiting);
        var decidedTake = DefaultPageSize - waitingTake;
        var waiting = AsRows(receipts.Where(r => r.Status == ReceiptStatus.Submitted)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Skip(waitingSkip).Take(waitingTake), projectId);
        var decided = AsRows(receipts.Where(r => r.Status != ReceiptStatus.Submitted)
            .OrderByDescending(r => r.DecidedAt ?? r.WithdrawnAt ?? r.SubmittedAt).ThenBy(r => r.Id)
            .Skip(decidedSkip).Take(decidedTake), projectId);

        // A page within one part reads that part alone, already in the queue's order; only the page where the parts meet
        // reads both and orders them.
        var rows = await (waitingTake == 0 ? decided : decidedTake == 0 ? waiting : Sorts.Apply(waiting.Concat(decided), Sort)).ToListAsync();
        return new PagedList<QueueRow>(rows, page, DefaultPageSize, counts.Total);
    }

    private void SetUrls()
    {
        AcceptUrl = Url.Page("Queue", "Accept", new { projectId = Project.Id })!;
        DeclineUrl = Url.Page("Queue", "Decline", new { projectId = Project.Id })!;
        DetailsUrl = Url.Page("Queue", "Details", new { projectId = Project.Id })!;
    }

    /// <summary>Name or unit containing the text, or the ID number ending with it (on the masked column); and the status.</summary>
    private IQueryable<EnrollmentReceipt> Filter(IQueryable<EnrollmentReceipt> receipts)
    {
        if (SearchTerm is { } term)
        {
            var idEnding = IdNumberSearch.Ending(term);
            receipts = receipts.Where(r => r.Form.Name.Contains(term) || r.Form.WorkUnit.Contains(term) || r.Form.UnitName.Contains(term)
                || (idEnding != null && EF.Property<string>(r, IdNumberMapping.MaskedProperty).EndsWith(idEnding)));
        }

        return StatusFilter is { Status: var status } ? receipts.Where(r => r.Status == status) : receipts;
    }

    /// <summary>The rows of one project's receipts. Whether the person is on the roster is looked up in that project's
    /// roster by the project's id (a parameter), so PostgreSQL reads that roster's index entries only, not every roster's
    /// rows (which it hashed whole when the look-up was tied to each receipt's project column).</summary>
    private IQueryable<QueueRow> AsRows(IQueryable<EnrollmentReceipt> receipts, Guid projectId) =>
        receipts.Select(r => new QueueRow
        {
            Id = r.Id,
            Status = r.Status,
            DecisionReason = r.DecisionReason,
            SubmittedAt = r.SubmittedAt,
            DecidedAt = r.DecidedAt,
            WithdrawnAt = r.WithdrawnAt,
            Name = r.Form.Name,
            WorkUnit = r.Form.WorkUnit,
            Gender = r.Form.Gender,
            ProfessionalTitle = r.Form.ProfessionalTitle,
            Mobile = r.Form.Mobile,
            MaskedIdNumber = EF.Property<string>(r, IdNumberMapping.MaskedProperty),
            AlreadyOnRoster = r.Status == ReceiptStatus.Submitted
                && db.RosterEntries.Any(entry => entry.PlanProjectId == projectId
                    && EF.Property<string>(entry, IdNumberMapping.HashProperty) == EF.Property<string>(r, IdNumberMapping.HashProperty)),
        });

    public sealed class DecisionInput
    {
        public Guid ReceiptId { get; set; }

        /// <summary>Named as the domain's field so its "reason required" error lands next to the box.</summary>
        public string? DecisionReason { get; set; }
    }

    /// <summary>One receipt as the queue shows it, projected (no ID number decrypted); the rest of its form is read when
    /// its details are opened. A second live receipt with the same ID number cannot exist (a unique index), so none is
    /// looked for.</summary>
    public sealed class QueueRow
    {
        public Guid Id { get; init; }

        public ReceiptStatus Status { get; init; }

        public string? DecisionReason { get; init; }

        public DateTimeOffset SubmittedAt { get; init; }

        public DateTimeOffset? DecidedAt { get; init; }

        public DateTimeOffset? WithdrawnAt { get; init; }

        public string Name { get; init; } = string.Empty;

        public string WorkUnit { get; init; } = string.Empty;

        public Gender Gender { get; init; }

        public string? ProfessionalTitle { get; init; }

        public string Mobile { get; init; } = string.Empty;

        public string MaskedIdNumber { get; init; } = string.Empty;

        /// <summary>The person is already on the roster (e.g. typed in by the organizer).</summary>
        public bool AlreadyOnRoster { get; init; }
    }

    /// <summary>The (filtered) list's size and how many of it wait.</summary>
    private sealed record QueueSize(int Total, int Waiting);

    /// <param name="Seats">Null until the filing is approved (no receipts can exist before).</param>
    /// <param name="Receipts">All the project's receipts and how many of them wait.</param>
    /// <param name="Version">The project's <see cref="ListVersion"/>, under which its pages of rows are kept.</param>
    private sealed record QueueHead(PlanProject Project, SeminarSeats? Seats, QueueSize Receipts, long Version);

    public sealed record QueueCounts(int Planned, int Accepted, int SeatsLeft, int Pending, bool OutOfBand);
}
