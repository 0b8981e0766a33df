namespace ResearchPortal.Domain.Projects;

/// <summary>How a piece of work stands against its deadline on a given day.</summary>
public enum Timeliness
{
    /// <summary>Handed in on or before the due date.</summary>
    OnTime,

    /// <summary>Handed in after the due date.</summary>
    HandedInLate,

    /// <summary>Not handed in, and the due date has passed.</summary>
    Overdue,

    /// <summary>Not handed in, and still within the due date.</summary>
    NotYetDue,
}

public static class TimelinessRule
{
    public static readonly IReadOnlyList<Timeliness> All = Enum.GetValues<Timeliness>();

    /// <summary>The one on-time comparison of the notice's deadlines: the due day itself still counts as on time.</summary>
    public static bool IsOnTime(DateOnly handedInOn, DateOnly due) => handedInOn <= due;

    /// <summary>Handed in on <paramref name="handedInOn"/> (null: not yet) against <paramref name="due"/>, as on
    /// <paramref name="today"/>.</summary>
    public static Timeliness Of(DateOnly due, DateOnly? handedInOn, DateOnly today) => handedInOn switch
    {
        { } day => IsOnTime(day, due) ? Timeliness.OnTime : Timeliness.HandedInLate,
        null => IsOnTime(today, due) ? Timeliness.NotYetDue : Timeliness.Overdue,
    };

    public static string ToChinese(this Timeliness timeliness) => timeliness switch
    {
        Timeliness.OnTime => "按时",
        Timeliness.HandedInLate => "逾期提交",
        Timeliness.Overdue => "逾期未交",
        Timeliness.NotYetDue => "未到期",
        _ => throw new ArgumentOutOfRangeException(nameof(timeliness), timeliness, null),
    };
}
