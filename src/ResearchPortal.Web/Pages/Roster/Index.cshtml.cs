using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Pages.Roster;

/// <summary>
/// 研修学员名单 (Annex 4), paged and searchable: hours and pass/fail for every changed row in one submit (or set for the
/// selected rows at once), certificate numbers for all who passed, and their revocation (host organizer or reviewer).
/// </summary>
[Authorize(Policy = PortalPolicies.OrganizerOrReviewer)]
public sealed class IndexModel(PortalDbContext db, ProjectAccess access, AuditLog audit, PortalClock clock, ListPageCache listPages) : ListPageModel
{
    public const string StatusKey = "status";

    public const string RevokeConfirmation = "确定撤销该证书编号？撤销后不可恢复。";

    /// <summary>The status filter's URL values and labels.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Statuses =
    [
        ("passed", "合格"), ("failed", "不合格"), ("unassessed", "未评定"), ("certified", "已发证"), ("uncertified", "合格未发证"),
    ];

    private static readonly SortOrder<RosterRow> Sorts = new SortOrder<RosterRow>("seq", r => r.Id)
        .By("seq", r => r.Sequence)
        .By("name", r => r.Name)
        .By("unit", r => r.WorkUnit);

    /// <summary>The roster's list version, read with the project.</summary>
    private long _versionWithProject;

    [BindProperty(SupportsGet = true, Name = StatusKey)]
    public string? Status { get; set; }

    /// <summary>Every row of the page as the form posted it back.</summary>
    public IReadOnlyList<RowInput> Input { get; private set; } = [];

    /// <summary>The bulk fields as posted, shown back when they are refused.</summary>
    public BulkInput Bulk { get; private set; } = new();

    public PlanProject Project { get; private set; } = null!;

    public Filing? Filing { get; private set; }

    public PagedList<RosterRow> Rows { get; private set; } = new([], 1, DefaultPageSize, 0);

    public bool CanEdit { get; private set; }

    public int PassedWithoutCertificate { get; private set; }

    /// <summary>Rows whose rejected input is shown back (with its errors) instead of the stored values.</summary>
    public IReadOnlyDictionary<Guid, RowInput> Rejected { get; private set; } = new Dictionary<Guid, RowInput>();

    public CertificateInput Certificate { get; private set; } = new();

    /// <summary>The row whose rejected revocation is shown back, with its errors.</summary>
    public Guid? RevokingEntryId { get; private set; }

    public RevocationInput Revocation { get; private set; } = new();

    /// <summary>Why hours and pass cannot be recorded today (filing not approved, seminar not started); null when they can.</summary>
    public string? ResultsClosedReason { get; private set; }

    /// <summary>Why certificate numbers cannot be issued today (filing not approved, seminar not ended); null when they can.</summary>
    public string? CertificatesClosedReason { get; private set; }

    /// <summary>Built once per page, so each row only appends its id.</summary>
    public string PersonUrl { get; private set; } = string.Empty;

    /// <summary>The revocation form's address; a row appends its id.</summary>
    public string RevocationUrl { get; private set; } = string.Empty;

    public bool IsFiltered => SearchTerm is not null || StatusFilter is not null;

    private string? StatusFilter => Statuses.Any(s => s.Key == Status) ? Status : null;

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (!await LoadProjectAsync(projectId))
        {
            return NotFound();
        }

        await LoadListAsync(_versionWithProject);
        return Page();
    }

    /// <summary>htmx: the revocation form of one numbered trainee, fetched when the row's 撤销编号 is opened (a rare act,
    /// so a page of rows carries no form for it). The form names the number it withdraws, as the database has it now.</summary>
    public async Task<IActionResult> OnGetRevocationAsync(Guid projectId, Guid entryId)
    {
        if (await access.FindAsync(User, projectId, HostOrReviewer.Operation(User)) is null)
        {
            return NotFound();
        }

        var form = await db.RosterEntries.Where(e => e.Id == entryId && e.PlanProjectId == projectId && e.CertificateNumber != null)
            .SelectWithTokens(db, e => new RevocationForm(e.Name, e.CertificateNumber!, ConcurrencyToken.Of(e), null))
            .SingleOrDefaultAsync();
        return form is null ? NotFound() : Partial("_Revocation", form with { Action = RevokeUrlOf(projectId) + entryId });
    }

    /// <summary>保存修改: every row whose hours or result differ from what the page showed.</summary>
    public Task<IActionResult> OnPostSaveAsync(Guid projectId, [Bind(Prefix = nameof(Input))] List<RowInput> input)
    {
        Input = input;
        return SaveRowsAsync(projectId);
    }

    /// <summary>Sets the same hours and result on the ticked rows, then saves them (and any other changed row).</summary>
    public Task<IActionResult> OnPostApplyAsync(
        Guid projectId,
        [Bind(Prefix = nameof(Input))] List<RowInput> input,
        [Bind(Prefix = "Selected")] List<Guid> selected,
        [Bind(Prefix = nameof(Bulk))] BulkInput bulk)
    {
        Input = input;
        Bulk = bulk;
        if (selected.Count == 0)
        {
            ModelState.AddModelError($"{nameof(Bulk)}.{nameof(BulkInput.CompletedHours)}", "请先勾选要设置的学员。");
        }

        if (BulkFailed())
        {
            return ShowBulkErrorsAsync(projectId);
        }

        foreach (var row in input.Where(row => selected.Contains(row.EntryId)))
        {
            row.CompletedHours = bulk.CompletedHours;
            row.Passed = bulk.Passed;
        }

        return SaveRowsAsync(projectId);
    }

    public async Task<IActionResult> OnPostCertificatesAsync(Guid projectId, [Bind(Prefix = nameof(Certificate))] CertificateInput certificate)
    {
        if (!await LoadProjectAsync(projectId) || !CanEdit)
        {
            return NotFound();
        }

        Certificate = certificate;
        if (!ModelState.IsValid)
        {
            return await PageAsync();
        }

        var entries = await db.RosterEntries.Where(e => e.PlanProjectId == projectId).OrderBy(e => e.Sequence).ToListAsync();
        var year = await db.PlanYears.SingleAsync(y => y.Year == Project.Year);
        var numbersInUse = await UsedCertificateNumbers.OutsideRosterAsync(db, projectId);
        var result = CertificateIssuer.Assign(
            entries, Filing!, clock.Today, year, Project.ProjectNumber, certificate.StartNumber!.Value, numbersInUse);
        if (result.IsFailure)
        {
            ModelState.AddDomainErrors(result, nameof(Certificate));
            return await PageAsync();
        }

        var numbered = result.Value;
        if (numbered.Count == 0)
        {
            ModelState.AddModelError($"{nameof(Certificate)}.{nameof(CertificateInput.StartNumber)}", "没有需要发放证书编号的学员（须已通过结业考核且尚无编号）。");
            return await PageAsync();
        }

        audit.Record(User.ToActor(), AuditActions.RosterCertificatesAssigned, AuditSubjects.Project(Project), Project.Id,
            $"{numbered.Count} 人：{numbered[0].CertificateNumber} 至 {numbered[^1].CertificateNumber}");
        if (!await db.TrySaveAsync(ModelState))
        {
            return await PageAsync();
        }

        TempData["StatusMessage"] = $"已为 {numbered.Count} 名学员发放证书编号。";
        return RedirectToList();
    }

    /// <summary>The host organizer or a reviewer withdraws a trainee's certificate number, with a reason.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid projectId, Guid entryId, [Bind(Prefix = nameof(Revocation))] RevocationInput revocation)
    {
        if (!await LoadProjectAsync(projectId)
            || await db.RosterEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.PlanProjectId == projectId) is not { } entry)
        {
            return NotFound();
        }

        Revocation = revocation;
        RevokingEntryId = entryId;
        var number = entry.CertificateNumber;
        var result = entry.RevokeCertificate(revocation.Reason, User.ToActor(), clock.Now);
        if (result.IsFailure)
        {
            ModelState.AddDomainErrors(result, nameof(Revocation));
            return await PageAsync();
        }

        ConcurrencyToken.Expect(db, entry, revocation.ConcurrencyToken);
        audit.Record(User.ToActor(), AuditActions.CertificateRevoked, AuditSubjects.InProject(Project, $"{entry.Name} 证书 {number}"), Project.Id, $"撤销原因：{entry.RevokedCertificates[^1].Reason}");
        if (!await db.TrySaveAsync(ModelState))
        {
            return await PageAsync();
        }

        TempData["StatusMessage"] = $"已撤销 {entry.Name} 的证书编号 {number}。";
        return RedirectToList();
    }

    /// <summary>The refused revocation of <paramref name="row"/>, shown open with what was typed and its errors; null
    /// for every other row.</summary>
    public RevocationForm? RefusedRevocation(RosterRow row) =>
        RevokingEntryId == row.Id && row.CertificateNumber is not null
            ? new(row.Name, row.CertificateNumber, Revocation.ConcurrencyToken ?? row.Token, Revocation.Reason) { Action = RevokeUrlOf(Project.Id) + row.Id }
            : null;

    private string RevokeUrlOf(Guid projectId) => Url.Page("Index", "Revoke", new { projectId })! + "&entryId=";

    /// <summary>The model-state key of a row's field as the page renders it (the error summary links to it).</summary>
    public static string FieldKey(int index, string field) => $"{nameof(Input)}[{index}].{field}";

    private bool BulkFailed() => ModelState.Keys.Any(key => key.StartsWith(nameof(Bulk) + ".", StringComparison.Ordinal) && ModelState[key]!.Errors.Count > 0);

    private async Task<IActionResult> ShowBulkErrorsAsync(Guid projectId)
    {
        if (!await LoadProjectAsync(projectId) || !CanEdit)
        {
            return NotFound();
        }

        // The rows keep what was typed; only the bulk fields are wrong.
        Rejected = Input.Where(row => row.IsChanged).ToDictionary(row => row.EntryId);
        await LoadListAsync();
        return Page();
    }

    /// <summary>
    /// Each changed row is checked as if saved alone (the domain's <see cref="RosterEntry.RecordResult"/>). Rows that pass
    /// and that nobody else changed since the page was loaded are saved together; a row changed by someone else keeps
    /// the other user's values and is reported, as is each row the checks refuse (its input shown back).
    /// </summary>
    private async Task<IActionResult> SaveRowsAsync(Guid projectId)
    {
        if (!await LoadProjectAsync(projectId) || !CanEdit)
        {
            return NotFound();
        }

        if (ResultsClosedReason is { } closed)
        {
            return this.NotEditable(Result.Failure(new Error("Roster.ResultsClosed", closed, "Status")), pageName: null, ListRouteValues(new { projectId, status = StatusFilter }));
        }

        var outcome = await RecordResultsAsync();
        if (outcome.Failures.Count == 0)
        {
            TempData["StatusMessage"] = outcome.Saved.Count == 0 ? "没有需要保存的修改。" : $"已保存 {outcome.Saved.Count} 名学员的学时与考核结果：{string.Join("、", outcome.Saved)}。";
            return RedirectToList();
        }

        ViewData[ErrorSummary.NoteKey] = outcome.Saved.Count == 0
            ? "没有保存任何学员。"
            : $"已保存 {outcome.Saved.Count} 名学员（{string.Join("、", outcome.Saved)}）；以下学员未保存：";
        Rejected = outcome.Failures.Where(f => f.Input is not null).ToDictionary(f => f.EntryId, f => f.Input!);
        ModelState.Clear();
        await LoadListAsync();
        foreach (var failure in outcome.Failures)
        {
            var index = Rows.Items.ToList().FindIndex(row => row.Id == failure.EntryId);
            foreach (var message in failure.Messages)
            {
                ModelState.AddModelError(index < 0 ? string.Empty : FieldKey(index, nameof(RowInput.CompletedHours)), $"{failure.Name}（序号 {failure.Sequence}）：{message}");
            }
        }

        return Page();
    }

    private async Task<BulkOutcome> RecordResultsAsync()
    {
        var changed = Input.Select((row, index) => (Row: row, Index: index)).Where(r => r.Row.IsChanged || RowErrors(r.Index).Count > 0).ToList();
        var ids = changed.Select(r => r.Row.EntryId).ToList();

        // A save that races another one after the version check below fails as a whole; the retry finds the
        // winner's version and reports just that row.
        for (var attempt = 1; ; attempt++)
        {
            var entries = await db.RosterEntries.Where(e => e.PlanProjectId == Project.Id && ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id);
            var outcome = new BulkOutcome();
            foreach (var (row, index) in changed)
            {
                if (!entries.TryGetValue(row.EntryId, out var entry))
                {
                    continue;
                }

                if (RowErrors(index) is { Count: > 0 } errors)
                {
                    outcome.Failures.Add(new(entry.Id, entry.Name, entry.Sequence, errors, row));
                }
                else if (ConcurrencyToken.Read(db, entry) != row.ConcurrencyToken)
                {
                    outcome.Failures.Add(new(entry.Id, entry.Name, entry.Sequence, [AggregateSave.ConflictMessage], row));
                }
                else if (entry.RecordResult(row.CompletedHours!.Value, row.Passed, Filing!, clock.Today) is { IsFailure: true } refused)
                {
                    outcome.Failures.Add(new(entry.Id, entry.Name, entry.Sequence, refused.Errors.Select(e => e.Message).ToList(), row));
                }
                else
                {
                    audit.Record(User.ToActor(), AuditActions.RosterResultRecorded, AuditSubjects.InProject(Project, entry.Name), Project.Id,
                        $"完成学时 {entry.CompletedHours:0.#}，{(entry.Passed ? "通过" : "未通过")}");
                    outcome.Saved.Add(entry.Name);
                }
            }

            try
            {
                await db.SaveChangesAsync();
                return outcome;
            }
            catch (DbUpdateException exception) when (exception.IsLostRace())
            {
                db.ChangeTracker.Clear();
                if (attempt == 3)
                {
                    // Still losing: nothing was saved, and every changed row says so with what was typed.
                    var lost = new BulkOutcome();
                    lost.Failures.AddRange(changed.Where(r => entries.ContainsKey(r.Row.EntryId)).Select(r =>
                        new RowFailure(r.Row.EntryId, entries[r.Row.EntryId].Name, entries[r.Row.EntryId].Sequence, [AggregateSave.ConflictMessage], r.Row)));
                    return lost;
                }
            }
        }
    }

    private List<string> RowErrors(int index) =>
        ModelState.Where(pair => pair.Key.StartsWith($"{nameof(Input)}[{index}].", StringComparison.Ordinal))
            .SelectMany(pair => pair.Value!.Errors.Select(ErrorSummary.MessageOf))
            .ToList();

    private RedirectToPageResult RedirectToList() =>
        RedirectToPage(ListRouteValues(new { projectId = Project.Id, status = StatusFilter }));

    private async Task<IActionResult> PageAsync()
    {
        await LoadListAsync();
        return Page();
    }

    private async Task<bool> LoadProjectAsync(Guid projectId)
    {
        if (await access.FindWithFilingAsync(User, projectId, HostOrReviewer.Operation(User)) is not { Project: var project, Filing: var filing } found)
        {
            return false;
        }

        _versionWithProject = found.ListVersion;

        Project = project;
        Filing = filing;
        CanEdit = !User.IsReviewer() && Filing is not null; // hours are checked against the filing's total
        ResultsClosedReason = Filing is null ? null : FirstMessage(RosterRules.CheckResultsOpen(Filing, clock.Today, string.Empty));
        CertificatesClosedReason = Filing is null ? null : FirstMessage(RosterRules.CheckCertificatesOpen(Filing, clock.Today, string.Empty));
        return true;
    }

    /// <summary>Whatever the roster's size: the roster's version (read again only after a save) and, unless this
    /// instance keeps the page under it, one command for a page of projected rows with the filtered count and the count
    /// of passed rows without a number (the masked ID number is a column; nothing is decrypted).</summary>
    /// <param name="versionWithProject">The version read with the project, for a request that saved nothing (a GET);
    /// otherwise it is read again here, after the request's saves, so a page shown back after a partial save is never
    /// an older one.</param>
    private async Task LoadListAsync(long? versionWithProject = null)
    {
        var version = versionWithProject ?? await ListVersion.ReadAsync(db, Project.Id);
        var page = await listPages.GetOrReadAsync(
            new ListPageKey("roster", Project.Id, version, (SearchTerm, StatusFilter, Sorts.Effective(Sort), PageNumber)), ReadPageAsync);
        Rows = page.Rows;
        PassedWithoutCertificate = CanEdit ? page.PassedWithoutCertificate : 0;
        PersonUrl = Url.Page("Person", new { projectId = Project.Id })! + "&entryId=";
        RevocationUrl = Url.Page("Index", "Revocation", new { projectId = Project.Id })! + "&entryId=";
    }

    private async Task<RosterPage> ReadPageAsync()
    {
        var entries = db.RosterEntries.Where(e => e.PlanProjectId == Project.Id);
        var (rows, passedWithoutCertificate) = await Sorts.Apply(Filter(entries).SelectWithTokens(db, e => new RosterRow
        {
            Id = e.Id,
            Sequence = e.Sequence,
            Name = e.Name,
            Gender = e.Gender,
            MaskedIdNumber = EF.Property<string>(e, IdNumberMapping.MaskedProperty),
            WorkUnit = e.WorkUnit,
            ProfessionalTitle = e.ProfessionalTitle,
            Phone = e.Phone,
            CompletedHours = e.CompletedHours,
            Passed = e.Passed,
            CertificateNumber = e.CertificateNumber,
            Token = ConcurrencyToken.Of(e),
        }), Sort)
            .ToPagedListAsync(entries.Where(e => e.Passed && e.CertificateNumber == null), PageNumber);
        return new RosterPage(rows, passedWithoutCertificate);
    }

    /// <summary>Name or unit containing the text, or the ID number ending with it (the last 4 characters, matched on the
    /// masked column); and the status.</summary>
    private IQueryable<RosterEntry> Filter(IQueryable<RosterEntry> entries)
    {
        if (SearchTerm is { } term)
        {
            var idEnding = IdNumberSearch.Ending(term);
            entries = entries.Where(e => e.Name.Contains(term) || e.WorkUnit.Contains(term)
                || (idEnding != null && EF.Property<string>(e, IdNumberMapping.MaskedProperty).EndsWith(idEnding)));
        }

        return StatusFilter switch
        {
            "passed" => entries.Where(e => e.Passed),
            "failed" => entries.Where(e => !e.Passed && e.CompletedHours != 0m),
            "unassessed" => entries.Where(e => !e.Passed && e.CompletedHours == 0m),
            "certified" => entries.Where(e => e.CertificateNumber != null),
            "uncertified" => entries.Where(e => e.Passed && e.CertificateNumber == null),
            _ => entries,
        };
    }

    private static string? FirstMessage(Result result) => result.Errors.Select(error => error.Message).FirstOrDefault();

    /// <summary>One roster row as the list shows it: the projection of the columns it needs, with its row version.</summary>
    public sealed class RosterRow
    {
        public Guid Id { get; init; }

        public int Sequence { get; init; }

        public string Name { get; init; } = string.Empty;

        public Gender Gender { get; init; }

        public string MaskedIdNumber { get; init; } = string.Empty;

        public string WorkUnit { get; init; } = string.Empty;

        public string? ProfessionalTitle { get; init; }

        public string? Phone { get; init; }

        public decimal CompletedHours { get; init; }

        public bool Passed { get; init; }

        public string? CertificateNumber { get; init; }

        public string Token { get; init; } = string.Empty;
    }

    private sealed record RosterPage(PagedList<RosterRow> Rows, int PassedWithoutCertificate);

    private sealed record RowFailure(Guid EntryId, string Name, int Sequence, IReadOnlyList<string> Messages, RowInput? Input);

    private sealed class BulkOutcome
    {
        public List<string> Saved { get; } = [];

        public List<RowFailure> Failures { get; } = [];
    }

    /// <summary>One row of the roster form: what the user typed, what the page showed (to tell a change) and its version.</summary>
    public sealed class RowInput
    {
        [Display(Name = "学员")]
        public Guid EntryId { get; set; }

        [Required(ErrorMessage = "请填写完成学时。")]
        [Display(Name = "完成学时")]
        public decimal? CompletedHours { get; set; }

        [Display(Name = "是否通过结业考核")]
        public bool Passed { get; set; }

        [Display(Name = "原完成学时")]
        public decimal? ShownHours { get; set; }

        [Display(Name = "原考核结果")]
        public bool ShownPassed { get; set; }

        [Display(Name = "版本")]
        public string? ConcurrencyToken { get; set; }

        public bool IsChanged => CompletedHours != ShownHours || Passed != ShownPassed;
    }

    /// <summary>设置选中学员: the hours and result given to every ticked row.</summary>
    public sealed class BulkInput
    {
        [Required(ErrorMessage = "请填写要设置的完成学时。")]
        [Display(Name = "选中学员的完成学时")]
        public decimal? CompletedHours { get; set; }

        [Display(Name = "选中学员是否通过结业考核")]
        public bool Passed { get; set; }
    }

    /// <summary>What the revocation form shows: whose number, which number, the version it was read at, the reason typed.</summary>
    public sealed record RevocationForm(string Name, string CertificateNumber, string ConcurrencyToken, string? Reason)
    {
        public string Action { get; init; } = string.Empty;
    }

    public sealed class RevocationInput
    {
        [Display(Name = "撤销原因")]
        public string? Reason { get; set; }

        [Display(Name = "版本")]
        public string? ConcurrencyToken { get; set; }
    }

    public sealed class CertificateInput
    {
        [Required(ErrorMessage = "请填写起始流水号。")]
        [Range(1, int.MaxValue, ErrorMessage = "起始流水号须为正整数。")]
        [Display(Name = "起始流水号")]
        public int? StartNumber { get; set; }
    }
}
