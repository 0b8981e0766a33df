using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Rules;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.CloseOuts;

/// <summary>The host unit's close-out: self-evaluation report (Annex 5), acceptance form (Annex 6), submission.</summary>
[Authorize(Policy = PortalPolicies.OrganizerOrReviewer)]
public sealed class EditModel(
    PortalDbContext db, ProjectAccess access, AuditLog audit, PortalClock clock, CalendarService calendars,
    PortalNotifications notifications, DeadlineReminders reminders) : PageModel
{
    public const string NoDatesMessage = "项目尚未备案研修日期，暂不能填写结业材料。";

    private static readonly HashSet<string> ReportFields = SelfEvaluationSections.AllItems.Select(i => i.FieldName).ToHashSet();

    public PlanProject Project { get; private set; } = null!;

    public Filing? Filing { get; private set; }

    /// <summary>Null until the first save.</summary>
    public CloseOut? CloseOut { get; private set; }

    public int RosterSize { get; private set; }

    public bool CanEdit { get; private set; }

    public bool NeedsExplanation => SeminarRules.IsUnderstaffed(RosterSize);

    [BindProperty]
    public CloseOutInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (!await LoadAsync(projectId))
        {
            return NotFound();
        }

        Input = CloseOutInput.From(CloseOut, CloseOut is null ? string.Empty : ConcurrencyToken.Read(db, CloseOut));
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid projectId) => SaveAsync(projectId, submit: false);

    public Task<IActionResult> OnPostSubmitAsync(Guid projectId) => SaveAsync(projectId, submit: true);

    private async Task<IActionResult> SaveAsync(Guid projectId, bool submit)
    {
        // Reviewers only read the close-out.
        if (!await LoadAsync(projectId) || User.IsReviewer())
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return NotEditable(projectId);
        }

        var closeOut = CloseOut ?? db.CloseOuts.Add(CloseOut.Start(projectId)).Entity;
        if (CloseOut is not null)
        {
            ConcurrencyToken.Expect(db, closeOut, Input.ConcurrencyToken);
        }

        var hostScore = Input.HostScore is { } value ? Score.Create(value, nameof(CloseOutInput.HostScore)) : null;
        var updates = new[]
        {
            hostScore ?? Result.Success(),
            closeOut.UpdateReport(Input.Report),
            closeOut.UpdateAcceptance(Input.ResponsiblePerson, Input.Phone, Input.Summary, hostScore is { IsSuccess: true } ? hostScore.Value : null),
            closeOut.SetUnderstaffedExplanation(Input.UnderstaffedExplanation),
        };
        var failures = updates.Where(r => r.IsFailure).ToList();
        if (submit)
        {
            // With any error the close-out is only checked, so every refusal shows now, not after the next try; a
            // field already refused keeps its first message (see AddError).
            failures.Add(ModelState.IsValid && failures.Count == 0
                ? closeOut.Submit(User.ToActor(), clock.Now, clock.Today, Filing!.EndDate!.Value, RosterSize, await calendars.LoadAsync())
                : closeOut.CheckSubmission(clock.Today, Filing!.EndDate!.Value, RosterSize));
            failures.RemoveAll(r => r.IsSuccess);
        }

        // Typing errors (a letter in the score) and the rules' refusals are shown together, in one round.
        failures.SelectMany(r => r.Errors).ToList().ForEach(AddError);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        audit.Record(User.ToActor(), submit ? AuditActions.CloseOutSubmitted : AuditActions.CloseOutSaved, AuditSubjects.Project(Project), projectId);
        if (submit)
        {
            await notifications.CloseOutSubmittedAsync(Project);
        }

        if (!await db.TrySaveAsync(ModelState))
        {
            // What was typed stays in the form; the status shown beside it is the stored one.
            await LoadAsync(projectId);
            return CanEdit ? Page() : NotEditable(projectId);
        }

        if (!submit && closeOut.Acceptance.ApplicantScore is null)
        {
            // The host has started the close-out: the applicant unit is asked for its score (once).
            await reminders.RequestApplicantScoreAsync(Project, Filing!.EndDate!.Value);
        }

        TempData["StatusMessage"] = submit ? "结业材料已提交，等待省人社厅审核。" : "已保存草稿。";
        return RedirectToPage(new { projectId });
    }

    private IActionResult NotEditable(Guid projectId) => this.NotEditable(
        CloseOut is { IsEditable: false } closed
            ? CloseOut.Workflow.EditableCheck(closed.Status)
            : Result.Failure(new Error("CloseOut.NoDates", NoDatesMessage, "Status")),
        pageName: null,
        new { projectId });

    /// <summary>Report items sit under Input.Report, the rest of the form under Input; errors about the whole
    /// close-out (status, timing, the applicant's score) go to the summary.</summary>
    private void AddError(Error error)
    {
        var key = error.Field switch
        {
            { } field when ReportFields.Contains(field) => $"{nameof(Input)}.{nameof(CloseOutInput.Report)}.{field}",
            nameof(AcceptanceForm.ResponsiblePerson) or nameof(AcceptanceForm.Phone) or nameof(AcceptanceForm.Summary)
                or nameof(AcceptanceForm.HostScore) or nameof(CloseOut.UnderstaffedExplanation) => $"{nameof(Input)}.{error.Field}",
            _ => string.Empty,
        };
        // A field whose typed value could not be read already says so; "please fill it in" would only contradict it.
        if (ModelState.GetFieldValidationState(key) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid || key.Length == 0)
        {
            ModelState.AddModelError(key, error.Message);
        }
    }

    private async Task<bool> LoadAsync(Guid projectId)
    {
        if (await access.FindWithFilingAsync(User, projectId, HostOrReviewer.Operation(User)) is not ({ } project, var filing))
        {
            return false;
        }

        Project = project;
        Filing = filing;
        CloseOut = await db.CloseOuts.SingleOrDefaultAsync(c => c.PlanProjectId == projectId);
        RosterSize = await db.RosterEntries.CountAsync(e => e.PlanProjectId == projectId);

        // Close-out needs the filed end date; reviewers only read.
        CanEdit = !User.IsReviewer() && Filing?.EndDate is not null && (CloseOut?.IsEditable ?? true);
        return true;
    }

    public sealed class CloseOutInput
    {
        // A fresh instance: the model binder fills it in place, so it must never be the shared Empty.
        public SelfEvaluationReport Report { get; set; } = new();

        [Display(Name = "负责人")]
        public string? ResponsiblePerson { get; set; }

        [Display(Name = "联系电话")]
        public string? Phone { get; set; }

        [Display(Name = "研修基本情况及取得的主要效果")]
        public string? Summary { get; set; }

        /// <summary>The range is the domain's (<see cref="Score.Create"/>), checked with the rest of the form.</summary>
        [Display(Name = "承办单位评估评分")]
        public int? HostScore { get; set; }

        [Display(Name = "学员人数不足的书面说明")]
        public string? UnderstaffedExplanation { get; set; }

        public string? ConcurrencyToken { get; set; }

        public static CloseOutInput From(CloseOut? closeOut, string token) => closeOut is null
            ? new CloseOutInput()
            : new CloseOutInput
            {
                Report = closeOut.Report,
                ResponsiblePerson = closeOut.Acceptance.ResponsiblePerson,
                Phone = closeOut.Acceptance.Phone,
                Summary = closeOut.Acceptance.Summary,
                HostScore = closeOut.Acceptance.HostScore?.Value,
                UnderstaffedExplanation = closeOut.UnderstaffedExplanation,
                ConcurrencyToken = token,
            };
    }
}
