using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Plans;

/// <summary>计划年度: the year's plan, by which date every project must be finished, and how certificates are numbered.</summary>
public sealed class PlanYear
{
    private PlanYear()
    {
        CertificateNumberPattern = CertificateNumberPattern.FromTrusted(string.Empty);
    }

    public int Year { get; private set; }

    /// <summary>所有研修项目须于此日前组织实施完毕 (2024: 2024-11-15).</summary>
    public DateOnly CompletionDeadline { get; private set; }

    public CertificateNumberPattern CertificateNumberPattern { get; private set; }

    public static Result<PlanYear> Create(int year, DateOnly completionDeadline, string certificateNumberPattern)
    {
        var yearErrors = new ErrorCollector()
            .When(year is < 2000 or > 2100, "PlanYear.YearOutOfRange", "计划年度须在 2000 至 2100 之间。", nameof(Year));
        var planYear = new PlanYear { Year = year };
        var update = planYear.Update(completionDeadline, certificateNumberPattern);
        return yearErrors.AddRange(update.Errors).ToResult(() => planYear);
    }

    public Result Update(DateOnly completionDeadline, string certificateNumberPattern)
    {
        var pattern = CertificateNumberPattern.Parse(certificateNumberPattern);
        return new ErrorCollector()
            .When(
                completionDeadline.Year != Year,
                "PlanYear.DeadlineOutsideYear",
                $"完成期限须在 {Year} 年内。",
                nameof(CompletionDeadline))
            .AddRange(pattern.Errors)
            .Apply(() =>
            {
                CompletionDeadline = completionDeadline;
                CertificateNumberPattern = pattern.Value;
            });
    }
}
