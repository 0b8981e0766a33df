using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.PartyGroups;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;


namespace ResearchPortal.Web.Pages.PartyGroups;

/// <summary>班委 and 临时党小组: members with their roles, and the activities they organized.</summary>
[Authorize(Policy = PortalPolicies.OrganizerOrReviewer)]
public sealed class IndexModel(PortalDbContext db, ProjectAccess access, AuditLog audit, PortalClock clock) : PageModel
{
    public PlanProject Project { get; private set; } = null!;

    /// <summary>Null until the first member or activity is added.</summary>
    public PartyGroup? Group { get; private set; }

    public IReadOnlyList<RosterEntry> Roster { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public MemberInput Member { get; private set; } = new();

    public ActivityInput Activity { get; private set; } = new();

    public string? RosterName(Guid? rosterEntryId) => Roster.FirstOrDefault(e => e.Id == rosterEntryId)?.Name;

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (!await LoadAsync(projectId))
        {
            return NotFound();
        }

        Activity.Date = clock.Today;
        return Page();
    }

    public Task<IActionResult> OnPostAddMemberAsync(Guid projectId, [Bind(Prefix = nameof(Member))] MemberInput member)
    {
        Member = member;
        return ChangeAsync(projectId, nameof(Member), group =>
            member.RosterEntryId is { } id && Roster.All(e => e.Id != id)
                ? Result.Failure(new Error("PartyGroup.NotOnRoster", "所选学员不在本项目名单中。", nameof(MemberInput.RosterEntryId)))
                : group.AddMember(member.Body!.Value, member.Name ?? string.Empty, member.Role ?? string.Empty, member.RosterEntryId),
            AuditActions.PartyGroupMemberAdded, _ => $"{member.Body?.ToChinese()} {member.Name}（{member.Role}）", "已添加成员。");
    }

    public Task<IActionResult> OnPostRemoveMemberAsync(Guid projectId, Guid memberId) =>
        ChangeAsync(projectId, string.Empty, group => group.RemoveMember(memberId), AuditActions.PartyGroupMemberRemoved,
            group => group.Members.FirstOrDefault(m => m.Id == memberId) is { } m ? $"{m.Body.ToChinese()} {m.Name}（{m.Role}）" : string.Empty,
            "已移除成员。");

    public Task<IActionResult> OnPostAddActivityAsync(Guid projectId, [Bind(Prefix = nameof(Activity))] ActivityInput activity)
    {
        Activity = activity;
        return ChangeAsync(projectId, nameof(Activity), group =>
            group.AddActivity(activity.Date!.Value, activity.Kind!.Value, activity.Summary ?? string.Empty, activity.OtherKindName, clock.Today),
            AuditActions.PartyGroupActivityAdded, _ => $"{ChineseDate.Format(activity.Date!.Value)} {activity.Kind?.ToChinese()}", "已登记活动。");
    }

    public Task<IActionResult> OnPostRemoveActivityAsync(Guid projectId, Guid activityId) =>
        ChangeAsync(projectId, string.Empty, group => group.RemoveActivity(activityId), AuditActions.PartyGroupActivityRemoved,
            group => group.Activities.FirstOrDefault(a => a.Id == activityId) is { } a ? $"{ChineseDate.Format(a.Date)} {a.KindLabel}" : string.Empty,
            "已删除活动记录。");

    /// <summary>Load, apply one change to the group (started on first use), audit, save, redirect; errors go next to
    /// the fields of the form under <paramref name="prefix"/> (removals show theirs in the summary).</summary>
    private async Task<IActionResult> ChangeAsync(
        Guid projectId, string prefix, Func<PartyGroup, Result> change, string auditAction, Func<PartyGroup, string> auditDetails, string successMessage)
    {
        if (!await LoadAsync(projectId) || !CanEdit)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var group = Group ?? db.PartyGroups.Add(PartyGroup.Start(projectId)).Entity;
        var details = auditDetails(group); // read before the change, while a removed item is still there
        var result = change(group);
        if (result.IsFailure)
        {
            if (prefix.Length > 0)
            {
                ModelState.AddDomainErrors(result, prefix);
            }
            else
            {
                // Removal errors name collections, not inputs: they belong in the summary.
                result.Errors.ToList().ForEach(error => ModelState.AddModelError(string.Empty, error.Message));
            }

            return Page();
        }

        audit.Record(User.ToActor(), auditAction, AuditSubjects.Project(Project), Project.Id, details);
        if (!await db.TrySaveAsync(ModelState))
        {
            // Someone else started the group (or changed it) at the same moment: the stored group beside the kept input.
            await LoadAsync(projectId);
            return Page();
        }

        TempData["StatusMessage"] = successMessage;
        return RedirectToPage(new { projectId });
    }

    private async Task<bool> LoadAsync(Guid projectId)
    {
        if (await access.FindAsync(User, projectId, HostOrReviewer.Operation(User)) is not { } project)
        {
            return false;
        }

        Project = project;
        CanEdit = !User.IsReviewer();
        Group = await db.PartyGroups.SingleOrDefaultAsync(g => g.PlanProjectId == projectId);
        Roster = await db.RosterEntries.AsNoTracking().Where(e => e.PlanProjectId == projectId).OrderBy(e => e.Sequence).ToListAsync();
        return true;
    }

    public sealed class MemberInput
    {
        [Required(ErrorMessage = "请选择所属组织（班委或临时党小组）。")]
        [Display(Name = "所属组织")]
        public GroupBody? Body { get; set; }

        [Display(Name = "姓名")]
        public string? Name { get; set; }

        [Display(Name = "职务")]
        public string? Role { get; set; }

        [Display(Name = "对应学员")]
        public Guid? RosterEntryId { get; set; }
    }

    public sealed class ActivityInput
    {
        [Required(ErrorMessage = "请填写活动日期。")]
        [Display(Name = "活动日期")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "请选择活动类型。")]
        [Display(Name = "活动类型")]
        public PartyActivityKind? Kind { get; set; }

        [Display(Name = "活动类型名称（选“其他”时填写）")]
        public string? OtherKindName { get; set; }

        [Display(Name = "活动概要")]
        public string? Summary { get; set; }
    }
}
