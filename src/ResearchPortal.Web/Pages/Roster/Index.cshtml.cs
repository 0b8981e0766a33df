using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Roster;

/// <summary>研修学员名单 (Annex 4): hours and pass/fail per row, certificate numbers for all who passed, and their
/// revocation (host organizer or reviewer).</summary>
[Authorize(Roles = HostOrReviewer.Roles)]
public sealed class IndexModel(PortalDbContext db, ProjectAccess access, AuditLog audit, PortalClock clock) : PageModel
{
    public const string ConflictMessage = "此记录已被他人修改，下表显示的是当前数据，请核对后重新保存。";

    public const string RevokeConfirmation = "确定撤销该证书编号？撤销后不可恢复。";

    public PlanProject Project { get; private set; } = null!;

    public Filing? Filing { get; private set; }

    public IReadOnlyList<RosterEntry> Entries { get; private set; } = [];

    /// <summary>Row versions for the hidden fields, by entry id.</summary>
    public IReadOnlyDictionary<Guid, string> Tokens { get; private set; } = new Dictionary<Guid, string>();

    public bool CanEdit { get; private set; }

    /// <summary>The row whose rejected input is shown back, with its errors.</summary>
    public Guid? EditingEntryId { get; private set; }

    public RowInput Row { get; private set; } = new();

    public CertificateInput Certificate { get; private set; } = new();

    /// <summary>The row whose rejected revocation is shown back, with its errors.</summary>
    public Guid? RevokingEntryId { get; private set; }

    public RevocationInput Revocation { get; private set; } = new();

    /// <summary>Why hours and pass cannot be recorded today (filing not approved, seminar not started); null when they can.</summary>
    public string? ResultsClosedReason { get; private set; }

    /// <summary>Why certificate numbers cannot be issued today (filing not approved, seminar not ended); null when they can.</summary>
    public string? CertificatesClosedReason { get; private set; }

    public int PassedWithoutCertificate => Entries.Count(e => e.Passed && e.CertificateNumber is null);

    /// <summary>htmx posts a row and swaps in just that row; a plain form post gets the whole page.</summary>
    private bool IsHtmx => Request.Headers.ContainsKey("HX-Request");

    public RosterRowView RowView(RosterEntry entry, string? message = null) =>
        new(Project.Id, entry, Tokens[entry.Id], CanEdit, Filing?.TotalHours, EditingEntryId == entry.Id ? Row : null, message,
            RevokingEntryId == entry.Id ? Revocation : null);

    public async Task<IActionResult> OnGetAsync(Guid projectId) =>
        await LoadAsync(projectId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecordAsync(Guid projectId, Guid entryId, [Bind(Prefix = nameof(Row))] RowInput row)
    {
        if (!await LoadAsync(projectId) || !CanEdit || Entries.SingleOrDefault(e => e.Id == entryId) is not { } entry)
        {
            return NotFound();
        }

        Row = row;
        EditingEntryId = entryId;
        if (!ModelState.IsValid)
        {
            return RowOrPage(entry);
        }

        var result = entry.RecordResult(row.CompletedHours!.Value, row.Passed, Filing!, clock.Today);
        if (result.IsFailure)
        {
            ModelState.AddDomainErrors(result, nameof(Row));
            return RowOrPage(entry);
        }

        ConcurrencyToken.Expect(db, entry, row.Token);
        audit.Record(User.ToActor(), AuditActions.RosterResultRecorded, $"{Project.ProjectNumber} {entry.Name}", Project.Id,
            $"完成学时 {entry.CompletedHours:0.#}，{(entry.Passed ? "通过" : "未通过")}");
        if (!await TrySaveAsync(projectId))
        {
            return IsHtmx ? Partial("_RosterRow", RowView(Entries.Single(e => e.Id == entryId), ConflictMessage)) : Page();
        }

        var saved = $"已保存 {entry.Name} 的学时与考核结果。";
        if (IsHtmx)
        {
            EditingEntryId = null;
            Tokens = new Dictionary<Guid, string>(Tokens) { [entry.Id] = ConcurrencyToken.Read(db, entry) };
            return Partial("_RosterRow", RowView(entry, saved));
        }

        TempData["StatusMessage"] = saved;
        return RedirectToPage(new { projectId });
    }

    public async Task<IActionResult> OnPostCertificatesAsync(Guid projectId, [Bind(Prefix = nameof(Certificate))] CertificateInput certificate)
    {
        if (!await LoadAsync(projectId) || !CanEdit)
        {
            return NotFound();
        }

        Certificate = certificate;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var year = await db.PlanYears.SingleAsync(y => y.Year == Project.Year);
        var numbersInUse = await UsedCertificateNumbers.OutsideRosterAsync(db, projectId);
        var result = CertificateIssuer.Assign(
            Entries, Filing!, clock.Today, year, Project.ProjectNumber, certificate.StartNumber!.Value, numbersInUse);
        if (result.IsFailure)
        {
            ModelState.AddDomainErrors(result, nameof(Certificate));
            return Page();
        }

        var numbered = result.Value;
        if (numbered.Count == 0)
        {
            ModelState.AddModelError($"{nameof(Certificate)}.{nameof(CertificateInput.StartNumber)}", "没有需要发放证书编号的学员（须已通过结业考核且尚无编号）。");
            return Page();
        }

        audit.Record(User.ToActor(), AuditActions.RosterCertificatesAssigned, Project.ProjectNumber, Project.Id,
            $"{numbered.Count} 人：{numbered[0].CertificateNumber} 至 {numbered[^1].CertificateNumber}");
        if (!await TrySaveAsync(projectId))
        {
            return Page();
        }

        TempData["StatusMessage"] = $"已为 {numbered.Count} 名学员发放证书编号。";
        return RedirectToPage(new { projectId });
    }

    /// <summary>The host organizer or a reviewer withdraws a trainee's certificate number, with a reason.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid projectId, Guid entryId, [Bind(Prefix = nameof(Revocation))] RevocationInput revocation)
    {
        if (!await LoadAsync(projectId) || Entries.SingleOrDefault(e => e.Id == entryId) is not { } entry)
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
            return Page();
        }

        ConcurrencyToken.Expect(db, entry, revocation.Token);
        audit.Record(User.ToActor(), AuditActions.CertificateRevoked, $"{number} {entry.Name}", Project.Id, $"撤销原因：{entry.RevokedCertificates[^1].Reason}");
        if (!await TrySaveAsync(projectId))
        {
            return Page();
        }

        TempData["StatusMessage"] = $"已撤销 {entry.Name} 的证书编号 {number}。";
        return RedirectToPage(new { projectId });
    }

    private IActionResult RowOrPage(RosterEntry entry) => IsHtmx ? Partial("_RosterRow", RowView(entry)) : Page();

    /// <summary>Saves; on a concurrent change shows the current rows instead of the user's, overwriting nothing.</summary>
    private async Task<bool> TrySaveAsync(Guid projectId)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException exception) when (exception.IsLostRace())
        {
            db.ChangeTracker.Clear();
            await LoadAsync(projectId);
            EditingEntryId = null;
            RevokingEntryId = null;
            ModelState.AddModelError(string.Empty, ConflictMessage);
            return false;
        }
    }

    private async Task<bool> LoadAsync(Guid projectId)
    {
        if (await access.FindAsync(User, projectId, HostOrReviewer.Operation(User)) is not { } project)
        {
            return false;
        }

        Project = project;
        Filing = await db.Filings.SingleOrDefaultAsync(f => f.PlanProjectId == projectId);
        CanEdit = !User.IsReviewer() && Filing is not null; // hours are checked against the filing's total
        ResultsClosedReason = Filing is null ? null : FirstMessage(RosterRules.CheckResultsOpen(Filing, clock.Today, string.Empty));
        CertificatesClosedReason = Filing is null ? null : FirstMessage(RosterRules.CheckCertificatesOpen(Filing, clock.Today, string.Empty));
        Entries = await db.RosterEntries.Where(e => e.PlanProjectId == projectId).OrderBy(e => e.Sequence).ToListAsync();
        Tokens = Entries.ToDictionary(e => e.Id, e => ConcurrencyToken.Read(db, e));
        return true;
    }

    private static string? FirstMessage(Domain.Common.Result result) => result.Errors.Select(error => error.Message).FirstOrDefault();

    /// <summary>One row of the roster table; <paramref name="Rejected"/> and <paramref name="RejectedRevocation"/> are the
    /// user's input shown back with its errors.</summary>
    public sealed record RosterRowView(
        Guid ProjectId, RosterEntry Entry, string Token, bool CanEdit, decimal? TotalHours, RowInput? Rejected, string? Message,
        RevocationInput? RejectedRevocation);

    public sealed class RowInput
    {
        [Required(ErrorMessage = "请填写完成学时。")]
        [Display(Name = "完成学时")]
        public decimal? CompletedHours { get; set; }

        [Display(Name = "是否通过结业考核")]
        public bool Passed { get; set; }

        public string? Token { get; set; }
    }

    public sealed class RevocationInput
    {
        [Display(Name = "撤销原因")]
        public string? Reason { get; set; }

        public string? Token { get; set; }
    }

    public sealed class CertificateInput
    {
        [Required(ErrorMessage = "请填写起始流水号。")]
        [Range(1, int.MaxValue, ErrorMessage = "起始流水号须为正整数。")]
        [Display(Name = "起始流水号")]
        public int? StartNumber { get; set; }
    }
}
