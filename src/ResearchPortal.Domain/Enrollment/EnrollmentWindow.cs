using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;

namespace ResearchPortal.Domain.Enrollment;

/// <summary>Enrollment is open once the filing is approved and until the day before the class opens.</summary>
public sealed record EnrollmentWindow(bool FilingApproved, DateOnly? StartDate)
{
    public static EnrollmentWindow For(Filing? filing) =>
        new(filing?.Status == FilingStatus.Approved, filing?.StartDate);

    public bool IsOpenOn(DateOnly today) => FilingApproved && StartDate is { } start && today < start;

    public Result CheckOpen(DateOnly today)
    {
        if (IsOpenOn(today))
        {
            return Result.Success();
        }

        var message = FilingApproved && StartDate is { } start
            ? $"本项目已于{ChineseDate.Format(start)}开班，报名已截止。"
            : "本项目尚未完成备案，暂不接受报名。";
        return Result.Failure(new Error("Enrollment.Closed", message, null));
    }
}
