using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Authorization.Throttling;

namespace ResearchPortal.Web.Data;

/// <summary>
/// Who and what an account event (log-in, throttle, password) is recorded as. An e-mail is written only as the id of an
/// existing account; a typed address that has no account is never stored.
/// </summary>
public static class AccountAudit
{
    public const string UnknownAccountName = "未知账号";

    public static Actor ActorOf(PortalUser? user) => user is null ? new(string.Empty, UnknownAccountName) : new(user.Id, user.DisplayName);

    public static string SubjectOf(PortalUser? user) => user is null ? UnknownAccountName : AuditSubjects.Account(user.DisplayName, user.Email);

    public static string Source(HttpContext context) => $"来源地址 {TooManyRequests.ClientAddress(context)}";
}
