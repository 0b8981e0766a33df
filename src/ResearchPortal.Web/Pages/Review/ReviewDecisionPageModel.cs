using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>
/// The approve/return page of a record the reviewer decides on (a filing, a close-out): loads the project through
/// <see cref="ProjectAccess"/>, runs the domain decision against the version the reviewer saw, audits it in the same
/// save, then notifies the host unit. The domain owns the rules (comment required to return, only submitted records).
/// </summary>
public abstract class ReviewDecisionPageModel<TRecord>(PortalDbContext db, ProjectAccess access, AuditLog audit, PortalClock clock)
    : PageModel
    where TRecord : class
{
    [BindProperty(SupportsGet = true)]
    public Guid ProjectId { get; set; }

    [BindProperty]
    public ReviewDecisionInput Input { get; set; } = new();

    public ReviewedProject Reviewed { get; private set; } = null!;

    public TRecord Record { get; private set; } = null!;

    protected PortalDbContext Db => db;

    protected PortalClock Clock => clock;

    /// <summary>Where the reviewer goes after a decision.</summary>
    protected abstract string QueuePage { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input.ConcurrencyToken = ConcurrencyToken.Read(db, Record);
        return Page();
    }

    protected abstract Task<TRecord?> FindRecordAsync(Guid projectId);

    /// <summary>Extra display data a page derives once the project and record are loaded.</summary>
    protected virtual Task OnLoadedAsync() => Task.CompletedTask;

    protected async Task<bool> LoadAsync()
    {
        var reviewed = await ReviewedProject.FindAsync(db, access, User, ProjectId);
        var record = reviewed is null ? null : await FindRecordAsync(ProjectId);
        if (reviewed is null || record is null)
        {
            return false;
        }

        (Reviewed, Record) = (reviewed, record);
        await OnLoadedAsync();
        return true;
    }

    /// <summary>Runs <paramref name="decide"/> and saves it with its audit entry (details: the comment unless given),
    /// then notifies and goes to the queue, or back to this page when <paramref name="stayOnPage"/>.</summary>
    protected async Task<IActionResult> DecideAsync(
        Func<TRecord, Actor, DateTimeOffset, Result> decide,
        string auditAction,
        string statusMessage,
        Func<Task> notify,
        string? auditDetails = null,
        bool stayOnPage = false)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = User.ToActor();
        var result = decide(Record, actor, clock.Now);
        if (result.IsStateRefusal())
        {
            // Decided, returned or resubmitted meanwhile: the page shows where it stands now.
            return this.NotEditable(result, pageName: null, new { projectId = ProjectId });
        }

        if (result.IsFailure)
        {
            // Error.Field is the record's property (LastReviewComment, ResubmitBy); the page shows those keys.
            ModelState.AddDomainErrors(result);
            return Page();
        }

        ConcurrencyToken.Expect(db, Record, Input.ConcurrencyToken);
        audit.Record(actor, auditAction, Reviewed.Title, ProjectId, auditDetails ?? (string.IsNullOrWhiteSpace(Input.Comment) ? null : Input.Comment.Trim()));
        await notify(); // queued with the decision: mailed only if it is saved
        if (!await db.TrySaveAsync(ModelState))
        {
            // The record shown is the stored one; the reviewer's comment stays in the box.
            await LoadAsync();
            return Page();
        }

        TempData["StatusMessage"] = statusMessage;
        return stayOnPage ? RedirectToPage(new { ProjectId }) : RedirectToPage(QueuePage);
    }

    /// <summary>The audit details of a return: the comment and, when set, the resubmission deadline.</summary>
    protected string? ReturnAuditDetails() =>
        Input.ResubmitBy is { } resubmitBy ? $"{Input.Comment?.Trim()}（重新提交期限：{ChineseDate.Format(resubmitBy)}）" : null;
}

public sealed class ReviewDecisionInput
{
    /// <summary>Optional to approve, required to return: the domain decides and reports it as LastReviewComment.</summary>
    [Display(Name = "审核意见")]
    public string? Comment { get; set; }

    /// <summary>Optional when returning: the host unit sees it, and the domain decides what passing it means.</summary>
    [Display(Name = "重新提交期限")]
    public DateOnly? ResubmitBy { get; set; }

    [Required(ErrorMessage = "页面已过期，请刷新后重试。")]
    public string? ConcurrencyToken { get; set; }
}

/// <summary>What the shared decision form partial needs; <paramref name="ResubmitByHint"/> says what the optional
/// resubmission deadline means for this kind of record.</summary>
public sealed record DecisionFormView(Guid ProjectId, ReviewDecisionInput Input, string ApproveLabel, string ResubmitByHint);
