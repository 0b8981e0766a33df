using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Infrastructure.Mail;

/// <summary>
/// The e-mails the portal sends on state changes. Called after the change is saved; a mail failure is logged
/// and never undoes or blocks the change itself.
/// </summary>
public sealed class PortalNotifications(
    PortalDbContext db, UserManager<PortalUser> users, MailSender mail, ILogger<PortalNotifications> logger)
{
    public async Task FilingSubmittedAsync(PlanProject project)
    {
        foreach (var reviewer in await users.GetUsersInRoleAsync(PortalRoles.Reviewer))
        {
            await SendAsync(reviewer, $"【待审核】{Title(project)} 已提交备案", $"{Title(project)} 的备案已提交，请登录平台审核。");
        }
    }

    public Task FilingApprovedAsync(PlanProject project) =>
        ToHostOrganizersAsync(project, $"【备案通过】{Title(project)}", $"{Title(project)} 的备案已审核通过，研修班已面向全省发布。");

    public Task FilingReturnedAsync(PlanProject project, string comment) =>
        ToHostOrganizersAsync(project, $"【备案退回】{Title(project)}", $"{Title(project)} 的备案被退回，审核意见：{comment}\n请修改后重新提交。");

    public Task CloseOutAcceptedAsync(PlanProject project) =>
        ToHostOrganizersAsync(project, $"【结业材料已验收】{Title(project)}", $"{Title(project)} 的结业材料已通过省人社厅备案。");

    public Task CloseOutReturnedAsync(PlanProject project, string comment) =>
        ToHostOrganizersAsync(project, $"【结业材料退回】{Title(project)}", $"{Title(project)} 的结业材料被退回，审核意见：{comment}\n请修改后重新提交。");

    public Task CloseOutDueSoonAsync(PlanProject project, DateOnly due) =>
        ToHostOrganizersAsync(project, $"【提醒】{Title(project)} 结业材料即将到期",
            $"{Title(project)} 的结业材料（学员名单、绩效评价自评报告、执行情况验收表）须于 {Domain.Common.ChineseDate.Format(due)} 前报送。");

    public Task CloseOutOverdueAsync(PlanProject project, DateOnly due) =>
        ToHostOrganizersAsync(project, $"【逾期】{Title(project)} 结业材料已逾期",
            $"{Title(project)} 的结业材料应于 {Domain.Common.ChineseDate.Format(due)} 前报送，现已逾期，请尽快报送。");

    public async Task ReceiptDecidedAsync(PlanProject project, EnrollmentReceipt receipt)
    {
        var trainee = receipt.TraineeUserId is { } userId ? await users.FindByIdAsync(userId) : null;
        var address = trainee?.Email ?? receipt.Form.Email;
        if (string.IsNullOrWhiteSpace(address))
        {
            return;
        }

        var (subject, body) = receipt.Status == ReceiptStatus.Accepted
            ? ($"【报名成功】{project.Name}", $"您报名的 {Title(project)} 已被承办单位接收，请按举办通知按时报到。")
            : ($"【报名未通过】{project.Name}", $"您报名的 {Title(project)} 未被接收，原因：{receipt.DecisionReason}");
        await SendAsync(address, receipt.Form.Name, subject, body);
    }

    private async Task ToHostOrganizersAsync(PlanProject project, string subject, string body)
    {
        var organizers = await db.Users
            .Where(u => u.OrganizationId == project.HostOrganizationId && !u.IsDisabled)
            .ToListAsync();
        foreach (var organizer in organizers)
        {
            await SendAsync(organizer, subject, body);
        }
    }

    private Task SendAsync(PortalUser user, string subject, string body) =>
        user.Email is null ? Task.CompletedTask : SendAsync(user.Email, user.DisplayName, subject, body);

    private async Task SendAsync(string address, string name, string subject, string body)
    {
        try
        {
            await mail.SendAsync(address, name, subject, $"{name}：\n\n{body}\n\n山东省专业技术人才知识更新工程 高级研修项目管理平台");
        }
        catch (Exception exception) when (exception is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Security.AuthenticationException or System.Net.Sockets.SocketException)
        {
            logger.LogError(exception, "Could not send mail {Subject} to {Recipient}", subject, address);
        }
    }

    private static string Title(PlanProject project) => $"{project.ProjectNumber}《{project.Name}》";
}
