using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;

namespace ResearchPortal.Domain.Roster;

/// <summary>
/// When a roster may record results and certificates, in one place: only for an approved filing; hours and the final
/// assessment from the seminar's first day; 结业证书 numbers once the seminar has ended, i.e. from the day after its last day.
/// </summary>
public static class RosterRules
{
    /// <summary>Results may be recorded on the first day of the seminar.</summary>
    public const int ResultsFromDaysAfterStart = 0;

    /// <summary>The last day itself is still part of the seminar: certificates from the next day.</summary>
    public const int CertificatesFromDaysAfterEnd = 1;

    public static DateOnly ResultsOpenOn(DateRange dates) => dates.Start.AddDays(ResultsFromDaysAfterStart);

    public static DateOnly CertificatesOpenOn(DateRange dates) => dates.End.AddDays(CertificatesFromDaysAfterEnd);

    /// <summary>Hours and pass/fail: approved filing and today ≥ the seminar's start.</summary>
    public static Result CheckResultsOpen(Filing filing, DateOnly today, string field) =>
        Check(filing, today, ResultsOpenOn, "Roster.ResultsNotYetOpen", "研修班开班后", "登记学时与考核结果", field);

    /// <summary>Certificate numbers (issued or recorded from paper): approved filing and today &gt; the seminar's end.</summary>
    public static Result CheckCertificatesOpen(Filing filing, DateOnly today, string field) =>
        Check(filing, today, CertificatesOpenOn, "Certificates.NotYetOpen", "研修班结束后", "发放证书编号", field);

    private static Result Check(
        Filing filing, DateOnly today, Func<DateRange, DateOnly> openOn, string code, string when, string action, string field)
    {
        if (filing.Status != FilingStatus.Approved || filing.Dates is not { } dates)
        {
            return Result.Failure(new Error(
                "Roster.FilingNotApproved", $"备案当前状态为“{filing.Status.ToChinese()}”，备案审核通过后才能{action}。", field));
        }

        var from = openOn(dates);
        return today < from
            ? Result.Failure(new Error(code, $"{when}才能{action}：自 {ChineseDate.Format(from)} 起可以办理。", field))
            : Result.Success();
    }
}
