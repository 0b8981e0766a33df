namespace ResearchPortal.Web.Data;

public enum ReminderKind
{
    CloseOutDueSoon,
    CloseOutOverdue,

    /// <summary>To the applicant unit: its acceptance score is needed before the close-out can be submitted.</summary>
    ApplicantScoreNeeded,
}

/// <summary>Remembers that a reminder went out, so each is sent once per project and close-out deadline.</summary>
public sealed class SentReminder
{
    private SentReminder()
    {
    }

    public SentReminder(Guid planProjectId, ReminderKind kind, DateOnly dueDate, DateTimeOffset sentAt)
    {
        Id = Guid.CreateVersion7();
        PlanProjectId = planProjectId;
        Kind = kind;
        DueDate = dueDate;
        SentAt = sentAt;
    }

    public Guid Id { get; private set; }

    public Guid PlanProjectId { get; private set; }

    public ReminderKind Kind { get; private set; }

    public DateOnly DueDate { get; private set; }

    public DateTimeOffset SentAt { get; private set; }
}
