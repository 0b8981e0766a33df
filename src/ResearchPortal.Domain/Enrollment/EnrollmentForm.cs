using ResearchPortal.Domain.Common;

namespace ResearchPortal.Domain.Enrollment;

/// <summary>报名回执 (Annex 3), every field of the template. The ID number travels separately as <see cref="IdNumber"/>.
/// Required: the sending unit, name, gender, work unit and mobile — what the roster (Annex 4), certificates and the
/// organizer's follow-up call need. The rest of the template is optional, but checked for shape when given.</summary>
public sealed record EnrollmentForm
{
    public const int ShortTextMaxLength = 50;
    public const int LongTextMaxLength = 200;
    public const int RemarksMaxLength = 500;

    /// <summary>单位名称（盖章）: the unit sending the trainee.</summary>
    public required string UnitName { get; init; }

    public required string Name { get; init; }

    public required Gender Gender { get; init; }

    /// <summary>民族.</summary>
    public string? Ethnicity { get; init; }

    /// <summary>政治面貌.</summary>
    public string? PoliticalStatus { get; init; }

    /// <summary>职务.</summary>
    public string? Position { get; init; }

    /// <summary>职称.</summary>
    public string? ProfessionalTitle { get; init; }

    /// <summary>职称证书编号.</summary>
    public string? TitleCertificateNumber { get; init; }

    /// <summary>固定电话.</summary>
    public string? Landline { get; init; }

    public required string Mobile { get; init; }

    public string? QQ { get; init; }

    public string? Email { get; init; }

    public required string WorkUnit { get; init; }

    /// <summary>通讯地址.</summary>
    public string? MailingAddress { get; init; }

    /// <summary>邮编.</summary>
    public string? Postcode { get; init; }

    /// <summary>联系人 of the sending unit.</summary>
    public string? UnitContact { get; init; }

    public string? ContactPhone { get; init; }

    public string? Fax { get; init; }

    /// <summary>备注.</summary>
    public string? Remarks { get; init; }

    public Result Validate()
    {
        var errors = new ErrorCollector()
            .RequiredWithin(UnitName, LongTextMaxLength, nameof(UnitName), "单位名称")
            .RequiredWithin(Name, ShortTextMaxLength, nameof(Name), "姓名")
            .When(!Enum.IsDefined(Gender), "Required", "请选择性别。", nameof(Gender))
            .RequiredWithin(WorkUnit, LongTextMaxLength, nameof(WorkUnit), "工作单位")
            .Required(Mobile, nameof(Mobile), "手机号码")
            .MaxLength(Ethnicity, ShortTextMaxLength, nameof(Ethnicity), "民族")
            .MaxLength(PoliticalStatus, ShortTextMaxLength, nameof(PoliticalStatus), "政治面貌")
            .MaxLength(Position, ShortTextMaxLength, nameof(Position), "职务")
            .MaxLength(ProfessionalTitle, ShortTextMaxLength, nameof(ProfessionalTitle), "职称")
            .MaxLength(TitleCertificateNumber, ShortTextMaxLength, nameof(TitleCertificateNumber), "职称证书编号")
            .MaxLength(Landline, ShortTextMaxLength, nameof(Landline), "固定电话")
            .MaxLength(MailingAddress, LongTextMaxLength, nameof(MailingAddress), "通讯地址")
            .MaxLength(UnitContact, ShortTextMaxLength, nameof(UnitContact), "联系人")
            .MaxLength(ContactPhone, ShortTextMaxLength, nameof(ContactPhone), "联系电话")
            .MaxLength(Fax, ShortTextMaxLength, nameof(Fax), "传真")
            .MaxLength(Remarks, RemarksMaxLength, nameof(Remarks), "备注");
        CheckShape(errors, Mobile, ContactFormats.IsMobile, nameof(Mobile), "手机号码应为以 1 开头的 11 位数字。");
        CheckShape(errors, Postcode, ContactFormats.IsPostcode, nameof(Postcode), "邮编应为 6 位数字。");
        CheckShape(errors, Email, ContactFormats.IsEmail, nameof(Email), "电子邮箱格式不正确，例如 name@example.com。");
        CheckShape(errors, QQ, ContactFormats.IsQq, nameof(QQ), "QQ 号应为 5 至 12 位数字。");
        return errors.ToResult();
    }

    /// <summary>The same form with text trimmed and blank optional fields set to null.</summary>
    public EnrollmentForm Normalized() => this with
    {
        UnitName = Text.Required(UnitName),
        Name = Text.Required(Name),
        Ethnicity = Text.Optional(Ethnicity),
        PoliticalStatus = Text.Optional(PoliticalStatus),
        Position = Text.Optional(Position),
        ProfessionalTitle = Text.Optional(ProfessionalTitle),
        TitleCertificateNumber = Text.Optional(TitleCertificateNumber),
        Landline = Text.Optional(Landline),
        Mobile = Text.Required(Mobile),
        QQ = Text.Optional(QQ),
        Email = Text.Optional(Email),
        WorkUnit = Text.Required(WorkUnit),
        MailingAddress = Text.Optional(MailingAddress),
        Postcode = Text.Optional(Postcode),
        UnitContact = Text.Optional(UnitContact),
        ContactPhone = Text.Optional(ContactPhone),
        Fax = Text.Optional(Fax),
        Remarks = Text.Optional(Remarks),
    };

    private static void CheckShape(ErrorCollector errors, string? value, Func<string, bool> isValid, string field, string message) =>
        errors.When(Text.Optional(value) is { } given && !isValid(given), "Format", message, field);
}
