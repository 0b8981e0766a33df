using System.Globalization;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;

namespace ResearchPortal.Domain.Tests;

internal static class TestData
{
    public static readonly WorkingDayCalendar WorkDays = new(OfficialCalendars.All);

    public static readonly Actor Reviewer = new("reviewer-1", "省厅审核员");

    public static readonly Actor Organizer = new("organizer-1", "承办单位联系人");

    public static readonly DateTimeOffset Now = new(2024, 9, 1, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>9:00 in China on that day: the moment of an action taken "today".</summary>
    public static DateTimeOffset At(string isoDate) => new(D(isoDate).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));

    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static PlanYear Year2024() => PlanYear.Create(2024, D("2024-11-15"), "SDGY{year}-{project}-{seq:3}").Value;

    public static IReadOnlyList<string> Fields(Result result) => result.Errors.Select(error => error.Field ?? string.Empty).ToList();

    public static IReadOnlyList<string> Codes(Result result) => result.Errors.Select(error => error.Code).ToList();

    /// <summary>A filing that passes every check when submitted on 2024-09-01, with the given overrides.</summary>
    public static Filing FilingReadyToSubmit(
        string start = "2024-10-14",
        string end = "2024-10-16",
        int trainees = 30,
        params decimal[] sessionHours)
    {
        var hours = sessionHours.Length == 0 ? [8m, 8m, 8m] : sessionHours;
        var filing = Filing.Start(Guid.CreateVersion7());
        var details = new FilingDetails(
            "济南市历下区解放东路16号",
            D(start),
            D(end),
            "王老师",
            "0531-51788246",
            "13800000000",
            trainees,
            hours.Select((h, i) => new ExpertSession($"专家{i + 1}", "教授", $"专题{i + 1}", h)).ToList());
        AssertSuccess(filing.UpdateDetails(details));
        AssertSuccess(filing.AttachImplementationPlan(new AttachmentInfo(Guid.CreateVersion7(), "实施方案.pdf", "application/pdf", 100)));
        AssertSuccess(filing.AttachNotice(new AttachmentInfo(Guid.CreateVersion7(), "举办通知.pdf", "application/pdf", 100)));
        AssertSuccess(filing.SetAttestation(true));
        return filing;
    }

    public static Result SubmitFiling(Filing filing, string today = "2024-09-01") =>
        filing.Submit(Organizer, Now, D(today), Year2024(), WorkDays);

    public static Filing ApprovedFiling(string start = "2024-10-14", string end = "2024-10-16")
    {
        var filing = FilingReadyToSubmit(start, end);
        AssertSuccess(SubmitFiling(filing));
        AssertSuccess(filing.Approve(Reviewer, Now, null));
        return filing;
    }

    public static void AssertSuccess(Result result) =>
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(error => $"{error.Code}: {error.Message}")));

    public static Error AssertSingleError(Result result, string code)
    {
        Assert.True(result.IsFailure);
        Assert.True(result.Errors.Count == 1, string.Join("; ", result.Errors.Select(error => $"{error.Code}: {error.Message}")));
        var error = result.Errors[0];
        Assert.Equal(code, error.Code);
        return error;
    }
}

/// <summary>Builds real ID numbers, computing the check character independently of the code under test.</summary>
internal static class IdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string Make(string birthDate = "19850315", Gender gender = Gender.Male, int sequence = 12, string area = "370102")
    {
        var genderDigit = gender == Gender.Male ? 1 : 2;
        var body = area + birthDate + sequence.ToString("D2", CultureInfo.InvariantCulture) + genderDigit;
        return body + Check(body);
    }

    /// <summary>A valid number whose check character is X.</summary>
    public static string EndingInX()
    {
        for (var sequence = 0; ; sequence++)
        {
            var candidate = Make(sequence: sequence);
            if (candidate.EndsWith('X'))
            {
                return candidate;
            }
        }
    }

    public static char Check(string first17)
    {
        var sum = first17.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return "10X98765432"[sum % 11];
    }

    public static IdNumber Parse(string value) => IdNumber.Parse(value, TestData.D("2024-09-01")).Value;
}
