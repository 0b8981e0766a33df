using System.ComponentModel.DataAnnotations;
using ResearchPortal.Domain.Filings;

namespace ResearchPortal.Web.Pages.Filings;

/// <summary>
/// The Annex 2 form as typed. Property names mirror <see cref="Filing"/> so the domain's <c>Error.Field</c> lands
/// next to the right input. Everything is optional here: a draft may be incomplete, and the domain decides what
/// a submission needs.
/// </summary>
public sealed class FilingInput
{
    [Display(Name = "办班地点")]
    public string? Venue { get; set; }

    [Display(Name = "开始日期")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "结束日期")]
    public DateOnly? EndDate { get; set; }

    [Display(Name = "联系人")]
    public string? ContactPerson { get; set; }

    [Display(Name = "联系人职务")]
    public string? ContactPosition { get; set; }

    [Display(Name = "办公电话")]
    public string? OfficePhone { get; set; }

    [Display(Name = "手机号码")]
    public string? Mobile { get; set; }

    [Display(Name = "计划学员人数")]
    [Range(0, 10000, ErrorMessage = "计划学员人数应为 0–10000 之间的整数。")]
    public int? PlannedTraineeCount { get; set; }

    public List<ExpertSessionInput> ExpertSessions { get; set; } = [];

    [Display(Name = "实施方案")]
    public IFormFile? ImplementationPlan { get; set; }

    [Display(Name = "举办通知")]
    public IFormFile? Notice { get; set; }

    [Display(Name = "本单位承诺：研修采取线下面授方式，不向学员收取任何培训费用")]
    public bool AttestedOfflineAndFree { get; set; }

    /// <summary>The filing's row version when the form was rendered; empty for a filing not yet saved.</summary>
    public string? ConcurrencyToken { get; set; }

    public decimal TotalHours => ExpertSessions.Sum(session => session.Hours ?? 0);

    public static FilingInput From(Filing filing) => new()
    {
        Venue = filing.Venue,
        StartDate = filing.StartDate,
        EndDate = filing.EndDate,
        ContactPerson = filing.ContactPerson,
        ContactPosition = filing.ContactPosition,
        OfficePhone = filing.OfficePhone,
        Mobile = filing.Mobile,
        PlannedTraineeCount = filing.PlannedTraineeCount,
        ExpertSessions = filing.ExpertSessions.Select(ExpertSessionInput.From).ToList(),
        AttestedOfflineAndFree = filing.AttestedOfflineAndFree,
    };

    /// <summary>
    /// The details to store: what was typed, except that each field in <paramref name="failed"/> (see
    /// <see cref="FieldGroup"/>) keeps the value <paramref name="stored"/> has.
    /// </summary>
    public FilingDetails ToDetails(Filing stored, IReadOnlySet<string> failed)
    {
        var typed = ToDetails();
        var datesFailed = failed.Contains(nameof(StartDate));
        return typed with
        {
            Venue = failed.Contains(nameof(Venue)) ? stored.Venue : typed.Venue,
            StartDate = datesFailed ? stored.StartDate : typed.StartDate,
            EndDate = datesFailed ? stored.EndDate : typed.EndDate,
            ContactPerson = failed.Contains(nameof(ContactPerson)) ? stored.ContactPerson : typed.ContactPerson,
            ContactPosition = failed.Contains(nameof(ContactPosition)) ? stored.ContactPosition : typed.ContactPosition,
            OfficePhone = failed.Contains(nameof(OfficePhone)) ? stored.OfficePhone : typed.OfficePhone,
            Mobile = failed.Contains(nameof(Mobile)) ? stored.Mobile : typed.Mobile,
            PlannedTraineeCount = failed.Contains(nameof(PlannedTraineeCount)) ? stored.PlannedTraineeCount : typed.PlannedTraineeCount,
            ExpertSessions = failed.Contains(nameof(ExpertSessions)) ? stored.ExpertSessions : typed.ExpertSessions,
        };
    }

    /// <summary>Fields that are valid only together count as one: the two dates, the expert rows and their total.</summary>
    public static string FieldGroup(string field) => field switch
    {
        nameof(EndDate) => nameof(StartDate),
        nameof(TotalHours) => nameof(ExpertSessions),
        _ => field,
    };

    public FilingDetails ToDetails() => new(
        Venue,
        StartDate,
        EndDate,
        ContactPerson,
        OfficePhone,
        Mobile,
        PlannedTraineeCount,
        ExpertSessions.Where(session => !session.IsBlank).Select(session => session.ToSession()).ToList())
    {
        ContactPosition = ContactPosition,
    };
}

public sealed class ExpertSessionInput
{
    [Display(Name = "授课专家")]
    public string? ExpertName { get; set; }

    [Display(Name = "职称/职务")]
    public string? TitleOrPosition { get; set; }

    [Display(Name = "授课题目")]
    public string? Topic { get; set; }

    [Display(Name = "学时数")]
    [Range(0, 1000, ErrorMessage = "学时数应为 0–1000 之间的数字。")]
    public decimal? Hours { get; set; }

    /// <summary>A row added and left empty is not an expert; it is dropped instead of failing the save.</summary>
    public bool IsBlank =>
        string.IsNullOrWhiteSpace(ExpertName) && string.IsNullOrWhiteSpace(TitleOrPosition) && string.IsNullOrWhiteSpace(Topic) && Hours is null;

    public static ExpertSessionInput From(ExpertSession session) => new()
    {
        ExpertName = session.ExpertName,
        TitleOrPosition = session.TitleOrPosition,
        Topic = session.Topic,
        Hours = session.Hours,
    };

    // Missing hours count as 0 so a draft saves; submission then asks for hours above 0.
    public ExpertSession ToSession() => new(ExpertName ?? string.Empty, TitleOrPosition ?? string.Empty, Topic ?? string.Empty, Hours ?? 0);
}
