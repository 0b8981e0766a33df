using System.Collections.Frozen;

namespace ResearchPortal.Web.Data;

/// <summary>
/// Every action code the audit log stores (<see cref="AuditEntry.Action"/>) and the Chinese words the audit page shows
/// for it. The stored codes never change, so old entries stay searchable; a new code gets its constant and its name here.
/// </summary>
public static class AuditActions
{
    public const string AccountCreated = "Account.Created";
    public const string AccountDisabled = "Account.Disabled";
    public const string AccountEnabled = "Account.Enabled";
    public const string AccountPasswordReset = "Account.PasswordReset";
    public const string AccountRegistered = "Account.Registered";
    public const string AccountPasswordChanged = "Account.PasswordChanged";
    public const string AccountEmailConfirmed = "Account.EmailConfirmed";
    public const string AccountPasswordResetRequested = "Account.PasswordResetRequested";
    public const string AccountLoginSucceeded = "Account.LoginSucceeded";
    public const string AccountLoginFailed = "Account.LoginFailed";
    public const string AccountLoginThrottled = "Account.LoginThrottled";
    public const string AccountRegisteredAgain = "Account.RegisteredAgain";
    public const string AccountPasswordResetByMail = "Account.PasswordResetByMail";
    public const string AccountThrottled = "Account.Throttled";
    public const string CalendarYearCreated = "Calendar.YearCreated";
    public const string CalendarHolidaysAdded = "Calendar.HolidaysAdded";
    public const string CalendarWorkdayAdded = "Calendar.WorkdayAdded";
    public const string CalendarDayRemoved = "Calendar.DayRemoved";
    public const string CalendarYearPublished = "Calendar.YearPublished";
    public const string CloseOutSaved = "CloseOut.Saved";
    public const string CloseOutSubmitted = "CloseOut.Submitted";
    public const string CloseOutApplicantScored = "CloseOut.ApplicantScored";
    public const string CloseOutAccepted = "CloseOut.Accepted";
    public const string CloseOutReturned = "CloseOut.Returned";
    public const string EnrollmentSubmitted = "Enrollment.Submitted";
    public const string EnrollmentRecordedByHost = "Enrollment.RecordedByHost";
    public const string EnrollmentWithdrawn = "Enrollment.Withdrawn";
    public const string EnrollmentAccepted = "Enrollment.Accepted";
    public const string EnrollmentDeclined = "Enrollment.Declined";
    public const string EnrollmentIdNumberUnavailable = "Enrollment.IdNumberUnavailable";
    public const string AccountIdNumberChanged = "Account.IdNumberChanged";
    public const string ExportDownload = "Export.Download";
    public const string ExportRosterPdf = "Export.RosterPdf";
    public const string ExportRosterXlsx = "Export.RosterXlsx";
    public const string ExportHoursXlsx = "Export.HoursXlsx";
    public const string FilingDraftSaved = "Filing.DraftSaved";
    public const string FilingSubmitted = "Filing.Submitted";
    public const string FilingApproved = "Filing.Approved";
    public const string FilingReturned = "Filing.Returned";
    public const string FilingLateSubmissionAllowed = "Filing.LateSubmissionAllowed";
    public const string IdNumberViewed = "IdNumber.Viewed";
    public const string MailResent = "Mail.Resent";
    public const string OrganizationCreated = "Organization.Created";
    public const string OrganizationUpdated = "Organization.Updated";
    public const string OutcomeSubmitted = "Outcome.Submitted";
    public const string OutcomeRecommended = "Outcome.Recommended";
    public const string OutcomeUnrecommended = "Outcome.Unrecommended";
    public const string OutcomeSelected = "Outcome.Selected";
    public const string OutcomeUnselected = "Outcome.Unselected";
    public const string PartyGroupMemberAdded = "PartyGroup.MemberAdded";
    public const string PartyGroupMemberRemoved = "PartyGroup.MemberRemoved";
    public const string PartyGroupActivityAdded = "PartyGroup.ActivityAdded";
    public const string PartyGroupActivityRemoved = "PartyGroup.ActivityRemoved";
    public const string PlanYearCreated = "PlanYear.Created";
    public const string PlanYearUpdated = "PlanYear.Updated";
    public const string PlanProjectCreated = "PlanProject.Created";
    public const string PlanProjectUpdated = "PlanProject.Updated";
    public const string PlanProjectsImported = "PlanProjects.Imported";
    public const string RosterImported = "Roster.Imported";
    public const string RosterResultRecorded = "Roster.ResultRecorded";
    public const string RosterCertificatesAssigned = "Roster.CertificatesAssigned";

    public const string CertificateRevoked = "Certificate.Revoked";
    public const string SpotCheckRecorded = "SpotCheck.Recorded";

    private static readonly FrozenDictionary<string, string> ChineseNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AccountCreated] = "创建账号",
        [AccountDisabled] = "停用账号",
        [AccountEnabled] = "启用账号",
        [AccountPasswordReset] = "重置密码",
        [AccountRegistered] = "学员注册",
        [AccountPasswordChanged] = "修改密码",
        [AccountEmailConfirmed] = "确认电子邮箱",
        [AccountPasswordResetRequested] = "申请找回密码",
        [AccountLoginSucceeded] = "登录成功",
        [AccountLoginFailed] = "登录失败",
        [AccountLoginThrottled] = "登录受限（失败次数过多）",
        [AccountRegisteredAgain] = "已注册邮箱再次注册",
        [AccountPasswordResetByMail] = "通过邮件重设密码",
        [AccountThrottled] = "请求过于频繁被限制",
        [CalendarYearCreated] = "新建年度节假日安排",
        [CalendarHolidaysAdded] = "添加节假日",
        [CalendarWorkdayAdded] = "添加调休上班日",
        [CalendarDayRemoved] = "删除节假日安排中的日期",
        [CalendarYearPublished] = "标记节假日安排为已公布",
        [CloseOutSaved] = "保存结业材料",
        [CloseOutSubmitted] = "提交结业材料",
        [CloseOutApplicantScored] = "申报单位验收评分",
        [CloseOutAccepted] = "结业材料审核通过",
        [CloseOutReturned] = "结业材料退回修改",
        [EnrollmentSubmitted] = "提交报名回执",
        [EnrollmentRecordedByHost] = "承办单位代录报名回执",
        [EnrollmentWithdrawn] = "撤回报名",
        [EnrollmentAccepted] = "录取",
        [EnrollmentDeclined] = "不予录取",
        [EnrollmentIdNumberUnavailable] = "报名被拒：身份证号已被他人的报名回执使用",
        [AccountIdNumberChanged] = "更正账号绑定的身份证号",
        [ExportDownload] = "下载文件",
        [ExportRosterPdf] = "导出学员名单 PDF（含完整身份证号）",
        [ExportRosterXlsx] = "导出学员名单表格（含完整身份证号）",
        [ExportHoursXlsx] = "导出学时登记表（含完整身份证号）",
        [FilingDraftSaved] = "保存备案草稿",
        [FilingSubmitted] = "提交备案",
        [FilingApproved] = "备案审核通过",
        [FilingReturned] = "备案退回修改",
        [FilingLateSubmissionAllowed] = "准予逾期提交备案",
        [IdNumberViewed] = "查看完整身份证号",
        [MailResent] = "重新发送邮件",
        [OrganizationCreated] = "新建单位",
        [OrganizationUpdated] = "修改单位",
        [OutcomeSubmitted] = "提交研修成果",
        [OutcomeRecommended] = "推荐研修成果",
        [OutcomeUnrecommended] = "取消推荐研修成果",
        [OutcomeSelected] = "评选研修成果",
        [OutcomeUnselected] = "取消评选研修成果",
        [PartyGroupMemberAdded] = "添加班委/党小组成员",
        [PartyGroupMemberRemoved] = "移除班委/党小组成员",
        [PartyGroupActivityAdded] = "登记党小组活动",
        [PartyGroupActivityRemoved] = "删除党小组活动",
        [PlanYearCreated] = "新建计划年度",
        [PlanYearUpdated] = "修改计划年度",
        [PlanProjectCreated] = "新建计划项目",
        [PlanProjectUpdated] = "修改计划项目",
        [PlanProjectsImported] = "导入年度计划项目",
        [RosterImported] = "导入学员名单",
        [RosterResultRecorded] = "登记学时和结业考核结果",
        [RosterCertificatesAssigned] = "发放证书编号",
        [CertificateRevoked] = "撤销证书编号",
        [SpotCheckRecorded] = "登记检查抽查",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The codes that have a Chinese name.</summary>
    public static IReadOnlyCollection<string> Named => ChineseNames.Keys;

    /// <summary>"Filing.Submitted" → "提交备案"; a code without a name (e.g. from an older version) is shown as it is.</summary>
    public static string ChineseName(string action) => ChineseNames.GetValueOrDefault(action, action);
}
