using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Mail;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>One close-out, read-only (Annex 5 report, Annex 6 form, flags, history), with accept / return.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class CloseOutModel(
    PortalDbContext db, ProjectAccess access, AuditLog audit, PortalClock clock, PortalNotifications notifications)
    : ReviewDecisionPageModel<CloseOut>(db, access, audit, clock)
{
    public const string ResubmitByHint = "承办单位过此日期仍可重新提交（逾期报送的材料仍应收取），审核页将注明晚于该期限；首次提交的按期情况保留。";

    protected override string QueuePage => "/Review/CloseOuts";

    public Task<IActionResult> OnPostApproveAsync() => DecideAsync(
        (closeOut, actor, now) => closeOut.Accept(actor, now, Input.Comment),
        AuditActions.CloseOutAccepted,
        "结业材料已验收备案。",
        () => notifications.CloseOutAcceptedAsync(Reviewed.Project));

    public Task<IActionResult> OnPostReturnAsync() => DecideAsync(
        (closeOut, actor, now) => closeOut.Return(actor, now, Input.Comment ?? string.Empty, Input.ResubmitBy),
        AuditActions.CloseOutReturned,
        "结业材料已退回承办单位修改。",
        () => notifications.CloseOutReturnedAsync(Reviewed.Project, Record.LastReviewComment ?? string.Empty, Record.ResubmitBy),
        ReturnAuditDetails());

    protected override Task<CloseOut?> FindRecordAsync(Guid projectId) =>
        Db.CloseOuts.SingleOrDefaultAsync(c => c.PlanProjectId == projectId);
}
