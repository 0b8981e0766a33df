namespace ResearchPortal.Web.Data;

/// <summary>One line of the audit trail: who did what, when, and to which project.</summary>
public sealed class AuditEntry
{
    public const int UserIdMaxLength = 450;
    public const int UserNameMaxLength = 256;
    public const int ActionMaxLength = 100;
    public const int SubjectMaxLength = 300;

    private AuditEntry()
    {
        UserId = string.Empty;
        UserName = string.Empty;
        Action = string.Empty;
        Subject = string.Empty;
    }

    public AuditEntry(DateTimeOffset at, string userId, string userName, string action, Guid? planProjectId, string subject, string? details)
    {
        Id = Guid.CreateVersion7();
        At = at;
        UserId = userId;
        UserName = userName;
        Action = action;
        PlanProjectId = planProjectId;
        Subject = subject;
        Details = details;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string UserId { get; private set; }

    public string UserName { get; private set; }

    /// <summary>A stable code from <see cref="AuditActions"/>, so entries can be filtered.</summary>
    public string Action { get; private set; }

    public Guid? PlanProjectId { get; private set; }

    /// <summary>What was acted on, in words the reviewer reads (e.g. the project number and name).</summary>
    public string Subject { get; private set; }

    public string? Details { get; private set; }
}
