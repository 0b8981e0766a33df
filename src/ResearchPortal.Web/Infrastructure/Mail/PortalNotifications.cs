using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Rules;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Infrastructure.Mail;

/// <summary>
/// The e-mails the portal sends on state changes, each with an absolute link to the page where the recipient acts
/// (<see cref="PortalLinks"/>). Called before the change is saved: the mails go into the <see cref="MailOutbox"/> of the
/// same unit of work, so they are sent if and only if the change commits, and a mail failure never blocks the change.
/// </summary>
public sealed class PortalNotifications(
    PortalDbContext db, UserManager<PortalUser> users, MailOutbox outbox, PortalLinks links)
{
    public Task FilingSubmittedAsync(PlanProject project) =>
        ToReviewersAsync($"【待审核】{Title(project)} 已提交备案", $"{Title(project)} 的备案已提交，请审核。",
            links.To("/Review/Filing", new { projectId = project.Id }));

    public Task CloseOutSubmittedAsync(PlanProject project) =>
        ToReviewersAsync($"【待审核】{Title(project)} 已提交结业材料", $"{Title(project)} 的结业材料已提交，请审核。",
            links.To("/Review/CloseOut", new { projectId = project.Id }));

    public async Task FilingApprovedAsync(PlanProject project)
    {
        await ToUnitAsync(project.HostOrganizationId, $"【备案通过】{Title(project)}",
            $"{Title(project)} 的备案已审核通过，研修班已面向全省发布，请及时审核学员报名回执。",
            links.To("/Enrollments/Queue", new { projectId = project.Id }));
        await ToApplicantUnitAsync(project, $"【备案通过】{Title(project)}",
            $"贵单位申报的 {Title(project)} 的备案已审核通过，研修班已面向全省发布。",
            ProjectLink(project));
    }

    public Task FilingReturnedAsync(PlanProject project, string comment, DateOnly? resubmitBy) =>
        ToUnitAsync(project.HostOrganizationId, $"【备案退回】{Title(project)}",
            $"{Title(project)} 的备案被退回，审核意见：{comment}\n{ResubmitRequest(resubmitBy)}",
            links.To("/Filings/Edit", new { projectId = project.Id }));

    public Task LateFilingAllowedAsync(PlanProject project, string reason) =>
        ToUnitAsync(project.HostOrganizationId, $"【准予逾期备案】{Title(project)}",
            $"省人社厅专技处已准予 {Title(project)} 逾期提交备案，理由：{reason}\n请按现定开班日期尽快提交；如修改开班日期，须重新按期限备案。",
            links.To("/Filings/Edit", new { projectId = project.Id }));

    /// <summary>Asks the applicant unit for its acceptance score, which the close-out cannot be submitted without.</summary>
    public Task ApplicantScoreNeededAsync(PlanProject project, CalendarDate closeOutDue) =>
        ToUnitAsync(project.ApplicantOrganizationId, $"【待评分】{Title(project)} 请填写申报单位验收评分",
            $"{Title(project)} 的结业材料须于 {ProvisionalDates.Format(closeOutDue)} 前报送，报送前需要贵单位的验收评分"
            + $"（{SeminarRules.MinScore}–{SeminarRules.MaxScore} 分，{SeminarRules.PassingScore} 分合格）。",
            ScoreLink(project));

    public async Task CloseOutAcceptedAsync(PlanProject project)
    {
        await ToUnitAsync(project.HostOrganizationId, $"【结业材料已验收】{Title(project)}",
            $"{Title(project)} 的结业材料已通过省人社厅备案。", ProjectLink(project));
        await ToApplicantUnitAsync(project, $"【结业材料已验收】{Title(project)}",
            $"贵单位申报的 {Title(project)} 的结业材料已通过省人社厅备案，项目已结项。", ProjectLink(project));
    }

    public async Task CloseOutReturnedAsync(PlanProject project, string comment, DateOnly? resubmitBy)
    {
        await ToUnitAsync(project.HostOrganizationId, $"【结业材料退回】{Title(project)}",
            $"{Title(project)} 的结业材料被退回，审核意见：{comment}\n{ResubmitRequest(resubmitBy)}",
            links.To("/CloseOuts/Edit", new { projectId = project.Id }));
        await ToApplicantUnitAsync(project, $"【结业材料退回】{Title(project)}",
            $"贵单位申报的 {Title(project)} 的结业材料被退回承办单位修改，审核意见：{comment}\n如需调整申报单位验收评分，请在承办单位重新提交前办理。",
            ScoreLink(project));
    }

    public Task CloseOutDueSoonAsync(PlanProject project, CalendarDate due) =>
        ToUnitAsync(project.HostOrganizationId, $"【提醒】{Title(project)} 结业材料即将到期",
            $"{Title(project)} 的结业材料（学员名单、绩效评价自评报告、执行情况验收表）须于 {ProvisionalDates.Format(due)} 前报送。",
            links.To("/CloseOuts/Edit", new { projectId = project.Id }));

    public Task CloseOutOverdueAsync(PlanProject project, CalendarDate due) =>
        ToUnitAsync(project.HostOrganizationId, $"【逾期】{Title(project)} 结业材料已逾期",
            $"{Title(project)} 的结业材料应于 {ProvisionalDates.Format(due)} 前报送，现已逾期，请尽快报送。",
            links.To("/CloseOuts/Edit", new { projectId = project.Id }));

    /// <summary>
    /// A new receipt: the trainee gets a confirmation with the seminar's dates and venue; the host unit's organizers
    /// (except the one who recorded it) one mail each pointing to the enrollment queue.
    /// </summary>
    /// <param name="recordedByUserId">The host organizer who entered a receipt sent on paper; null when the trainee submitted it.</param>
    public async Task ReceiptSubmittedAsync(PlanProject project, Filing filing, EnrollmentReceipt receipt, string? recordedByUserId)
    {
        var dates = filing.Dates is { } range ? $"{ChineseDate.Format(range.Start)}至{ChineseDate.Format(range.End)}" : "见举办通知";
        await ToTraineeAsync(project, receipt, $"【报名回执已提交】{project.Name}",
            $"您报名 {Title(project)} 的回执已提交，请等待承办单位审核。\n研修时间：{dates}\n研修地点：{filing.Venue ?? "见举办通知"}");

        var source = recordedByUserId is null ? "学员在线提交" : "承办单位代为录入";
        await ToUnitAsync(project.HostOrganizationId, $"【新报名回执】{Title(project)} {receipt.Form.Name}",
            $"{Title(project)} 收到新的报名回执：{receipt.Form.Name}（{receipt.Form.WorkUnit}），{source}，请录取或不予录取。",
            links.To("/Enrollments/Queue", new { projectId = project.Id }),
            except: recordedByUserId);
    }

    public Task ReceiptDecidedAsync(PlanProject project, EnrollmentReceipt receipt)
    {
        var (subject, body) = receipt.Status == ReceiptStatus.Accepted
            ? ($"【报名成功】{project.Name}", $"您报名的 {Title(project)} 已被承办单位接收，请按举办通知按时报到。")
            : ($"【报名未通过】{project.Name}", $"您报名的 {Title(project)} 未被接收，原因：{receipt.DecisionReason}");
        return ToTraineeAsync(project, receipt, subject, body);
    }

    /// <summary>To the trainee's account address, else the address on the receipt. A trainee with an account acts on
    /// 我的报名; one whose unit sent the receipt on paper has none and gets the seminar's public page.</summary>
    private async Task ToTraineeAsync(PlanProject project, EnrollmentReceipt receipt, string subject, string body)
    {
        var trainee = receipt.TraineeUserId is { } userId ? await users.FindByIdAsync(userId) : null;
        var address = trainee?.Email ?? receipt.Form.Email;
        if (string.IsNullOrWhiteSpace(address))
        {
            return;
        }

        var link = trainee is null
            ? links.To("/Seminars/Details", new { projectId = project.Id })
            : links.To("/Enrollments/Mine");
        await SendAsync(address, receipt.Form.Name, subject, body, link);
    }

    private async Task ToReviewersAsync(string subject, string body, string link)
    {
        foreach (var reviewer in await users.GetUsersInRoleAsync(PortalRoles.Reviewer))
        {
            if (!reviewer.IsDisabled)
            {
                await SendAsync(reviewer, subject, body, link);
            }
        }
    }

    /// <summary>The applicant unit, unless it also hosts the project (its organizers then had the host's mail).</summary>
    private Task ToApplicantUnitAsync(PlanProject project, string subject, string body, string link) =>
        project.ApplicantOrganizationId == project.HostOrganizationId
            ? Task.CompletedTask
            : ToUnitAsync(project.ApplicantOrganizationId, subject, body, link);

    private async Task ToUnitAsync(Guid organizationId, string subject, string body, string link, string? except = null)
    {
        var organizers = await db.Users
            .Where(u => u.OrganizationId == organizationId && !u.IsDisabled && u.Id != except)
            .ToListAsync();
        foreach (var organizer in organizers)
        {
            await SendAsync(organizer, subject, body, link);
        }
    }

    private string ProjectLink(PlanProject project) => links.To("/Projects/Details", new { id = project.Id });

    private string ScoreLink(PlanProject project) => links.To("/CloseOuts/ApplicantScore", new { projectId = project.Id });

    private Task SendAsync(PortalUser user, string subject, string body, string link) =>
        user.Email is null ? Task.CompletedTask : SendAsync(user.Email, user.DisplayName, subject, body, link);

    private Task SendAsync(string address, string name, string subject, string body, string link)
    {
        outbox.Enqueue(address, name, subject, $"{name}：\n\n{body}\n\n办理与查看：{link}\n\n山东省专业技术人才知识更新工程 高级研修项目管理平台");
        return Task.CompletedTask;
    }

    private static string ResubmitRequest(DateOnly? resubmitBy) =>
        resubmitBy is { } date ? $"请修改后于{ChineseDate.Format(date)}前重新提交。" : "请修改后重新提交。";

    private static string Title(PlanProject project) => $"{project.ProjectNumber}《{project.Name}》";
}
