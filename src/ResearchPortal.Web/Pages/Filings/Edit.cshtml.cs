using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;
using ResearchPortal.Web.Infrastructure.Uploads;

namespace ResearchPortal.Web.Pages.Filings;

/// <summary>The host unit's Annex 2 filing: save a draft at any time, submit when the notice's rules are met.</summary>
[Authorize(Policy = PortalPolicies.Organizer)]
public sealed class EditModel(
    PortalDbContext db,
    ProjectAccess access,
    PortalClock clock,
    CalendarService calendars,
    AuditLog audit,
    PortalNotifications notifications) : PageModel
{
    public const string DraftKeptNote = "备案未提交。已保存为草稿，以下问题修改后方可提交。";

    public const string MistypedNotSavedNote = "其中填写有误的内容未保存，页面上仍是您填写的内容。";

    public const string PartlySavedNote = "草稿已保存，但以下填写有误的内容未保存，请修改后再次保存。";

    /// <summary>Uploads of this request stored under a cleaned name, told in the success message.</summary>
    private readonly List<string> _renamedFiles = [];

    [BindProperty]
    public FilingInput Input { get; set; } = new();

    public PlanProject Project { get; private set; } = null!;

    /// <summary>The stored filing (null until the first save): status, review comment, attachments.</summary>
    public Filing? Filing { get; private set; }

    /// <summary>The latest filing date for the stored start date, provisional when its year is not published.</summary>
    public CalendarDate? LatestFilingDate { get; private set; }

    /// <summary>The stored start or end date falls on a holiday or weekend day: said, not refused.</summary>
    public IReadOnlyList<string> DateWarnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (!await LoadAsync(projectId))
        {
            return NotFound();
        }

        if (Filing is { IsEditable: false })
        {
            return RedirectToPage("Details", new { projectId });
        }

        ShowStored();
        await ShowDateFactsAsync();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid projectId) => SaveAsync(projectId, submit: false);

    public Task<IActionResult> OnPostSubmitAsync(Guid projectId) => SaveAsync(projectId, submit: true);

    /// <summary>Adding and removing expert rows without JavaScript: the whole form comes back, nothing is saved.</summary>
    public Task<IActionResult> OnPostAddRowAsync(Guid projectId) => EditRowsAsync(projectId, rows => rows.Add(new ExpertSessionInput()));

    public Task<IActionResult> OnPostRemoveRowAsync(Guid projectId, int row) =>
        EditRowsAsync(projectId, rows =>
        {
            if (row >= 0 && row < rows.Count)
            {
                rows.RemoveAt(row);
            }
        });

    private async Task<IActionResult> SaveAsync(Guid projectId, bool submit)
    {
        if (!await LoadAsync(projectId))
        {
            return NotFound();
        }

        if (Filing is { IsEditable: false })
        {
            return NotEditable();
        }

        // A form rendered from an older version (or before a colleague created the filing) must not overwrite it.
        if (Filing is not null && db.IsStale(Filing, Input.ConcurrencyToken, ModelState))
        {
            await ShowDateFactsAsync();
            return Page();
        }

        // One round: what was typed wrong (format or rule) is reported together with what still stops submission,
        // and everything valid is saved as a draft, so the user only fixes what the list names.
        var filing = Filing ?? Filing.Start(projectId);
        var plan = await ReadUploadAsync(Input.ImplementationPlan, FilingAttachmentKind.ImplementationPlan);
        var notice = await ReadUploadAsync(Input.Notice, FilingAttachmentKind.Notice);
        UpdateValidDetails(filing);
        await AttachAsync(plan, filing.ImplementationPlan, filing.AttachImplementationPlan);
        await AttachAsync(notice, filing.Notice, filing.AttachNotice);
        filing.SetAttestation(Input.AttestedOfflineAndFree);
        if (Filing is null)
        {
            db.Filings.Add(filing);
            Filing = filing;
        }
        else
        {
            ConcurrencyToken.Expect(db, filing, Input.ConcurrencyToken ?? string.Empty);
        }

        var typedCorrectly = ModelState.IsValid;
        var submission = submit ? await SubmitOrCheckAsync(filing, onlyCheck: !typedCorrectly) : null;
        var submitted = typedCorrectly && submission is { IsSuccess: true };
        audit.Record(User.ToActor(), submitted ? AuditActions.FilingSubmitted : AuditActions.FilingDraftSaved, AuditSubjects.Project(Project), projectId);
        if (submitted)
        {
            await notifications.FilingSubmittedAsync(Project);
        }

        if (!await db.TrySaveAsync(ModelState))
        {
            // What was typed stays in the form; the filing shown beside it is the stored one.
            await LoadAsync(projectId);
            if (Filing is { IsEditable: false })
            {
                return NotEditable();
            }

            await ShowDateFactsAsync();
            return Page();
        }

        if (!typedCorrectly || submission is { IsFailure: true })
        {
            AddSubmissionErrors(submission);
            ViewData[ErrorSummary.NoteKey] = !submit ? PartlySavedNote : typedCorrectly ? DraftKeptNote : $"{DraftKeptNote}{MistypedNotSavedNote}";
            ModelState.Remove($"{nameof(Input)}.{nameof(FilingInput.ConcurrencyToken)}");
            Input.ConcurrencyToken = ConcurrencyToken.Read(db, filing);
            await ShowDateFactsAsync();
            return Page();
        }

        if (!submit)
        {
            TempData["StatusMessage"] = string.Concat(["草稿已保存。", .. _renamedFiles]);
            return RedirectToPage(new { projectId });
        }

        TempData["StatusMessage"] = string.Concat(["备案已提交，请等待省人社厅专技处审核。", .. _renamedFiles]);
        var warnings = filing.DateWarnings(await calendars.LoadAsync());
        if (warnings.Count > 0)
        {
            TempData["WarningMessage"] = string.Concat(warnings);
        }

        return RedirectToPage("Details", new { projectId });
    }

    /// <summary>
    /// Stores what was typed; a field that failed (binding, attribute or rule) keeps its stored value, so the draft
    /// holds every valid field and the form still shows what the user typed.
    /// </summary>
    private void UpdateValidDetails(Filing filing)
    {
        var updated = filing.UpdateDetails(Input.ToDetails(filing, FailedFields()));
        if (updated.IsFailure)
        {
            ModelState.AddDomainErrors(updated);
            filing.UpdateDetails(Input.ToDetails(filing, FailedFields()));
        }
    }

    /// <summary>The filing's properties with an error, by their <see cref="FilingInput"/> name (rows count as the whole list).</summary>
    private HashSet<string> FailedFields()
    {
        var prefix = $"{nameof(Input)}.";
        return ModelState
            .Where(entry => entry.Value!.Errors.Count > 0 && entry.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(entry => FilingInput.FieldGroup(entry.Key[prefix.Length..].Split('.', '[')[0]))
            .ToHashSet();
    }

    /// <summary>Rule errors, except about fields already reported as typed wrong (the stored value they kept would mislead).</summary>
    private void AddSubmissionErrors(Result? submission)
    {
        if (submission is null)
        {
            return;
        }

        var failed = FailedFields();
        ModelState.AddDomainErrors(Result.Failure(
            submission.Errors.Where(error => error.Field is null || !failed.Contains(FilingInput.FieldGroup(error.Field)))));
    }

    /// <summary>Submits; or, when the form had errors (the filing then holds stored values for them), only checks.</summary>
    private async Task<Result> SubmitOrCheckAsync(Filing filing, bool onlyCheck)
    {
        var planYear = await db.PlanYears.SingleAsync(y => y.Year == Project.Year);
        var calendar = await calendars.LoadAsync();
        return onlyCheck
            ? filing.CheckSubmission(clock.Today, planYear, calendar)
            : filing.Submit(User.ToActor(), clock.Now, clock.Today, planYear, calendar);
    }

    private async Task ShowDateFactsAsync()
    {
        if (Filing?.Dates is not { } dates)
        {
            return;
        }

        var calendar = await calendars.LoadAsync();
        LatestFilingDate = FilingDeadlines.LatestFilingDate(dates.Start, calendar);
        DateWarnings = Filing.DateWarnings(calendar);
    }

    private async Task<IActionResult> EditRowsAsync(Guid projectId, Action<List<ExpertSessionInput>> edit)
    {
        if (!await LoadAsync(projectId))
        {
            return NotFound();
        }

        if (Filing is { IsEditable: false })
        {
            return NotEditable();
        }

        edit(Input.ExpertSessions);

        // Row indexes shifted: render from Input, not from the posted values.
        ModelState.Clear();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid projectId)
    {
        if (await access.FindAsync(User, projectId, ProjectOperations.Manage) is not { } project)
        {
            return false;
        }

        Project = project;
        Filing = await db.Filings.SingleOrDefaultAsync(f => f.PlanProjectId == projectId);
        return true;
    }

    private void ShowStored()
    {
        Input = Filing is null ? new FilingInput() : FilingInput.From(Filing);
        Input.ConcurrencyToken = Filing is null ? null : ConcurrencyToken.Read(db, Filing);
        if (Input.ExpertSessions.Count == 0)
        {
            Input.ExpertSessions.Add(new ExpertSessionInput());
        }
    }

    private IActionResult NotEditable() =>
        this.NotEditable(Filing.Workflow.EditableCheck(Filing!.Status), "Details", new { projectId = Project.Id });

    /// <summary>The checked file, or null when none was chosen or it was refused (the refusal goes next to the field).</summary>
    private async Task<StoredFile?> ReadUploadAsync(IFormFile? file, FilingAttachmentKind kind)
    {
        if (file is null)
        {
            return null;
        }

        var read = await UploadedDocument.ReadAsync(file, kind.Label(), kind.ToString(), clock.Now);
        if (read.IsFailure)
        {
            // A browser cannot refill a file input: name the refused file so the user knows to choose one again.
            ModelState.AddDomainErrors(read);
            ModelState.AddModelError($"{nameof(Input)}.{kind}", $"所选文件“{file.FileName}”未保存，请重新选择{kind.Label()}文件。");
            return null;
        }

        if (UploadedDocument.RenamedNote(file, read.Value) is { } renamed)
        {
            _renamedFiles.Add(renamed);
        }

        return read.Value;
    }

    private async Task AttachAsync(StoredFile? file, AttachmentInfo? replaced, Func<AttachmentInfo, Result> attach)
    {
        if (file is null)
        {
            return;
        }

        db.StoredFiles.Add(file);
        attach(AttachmentInfo.For(file));

        // Nothing else refers to the replaced file: delete it in the same save, so a failed save keeps both.
        if (replaced is not null && await db.StoredFiles.FindAsync(replaced.StoredFileId) is { } old)
        {
            db.StoredFiles.Remove(old);
        }
    }
}
