using System.ComponentModel.DataAnnotations;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;

namespace ResearchPortal.Web.Pages.Enrollments;

/// <summary>The Annex 3 receipt as typed. Property names mirror <see cref="EnrollmentForm"/> so the domain's errors land
/// next to their inputs; the rules themselves (required fields, formats, lengths) are the domain's.</summary>
public sealed class EnrollmentInput
{
    [Display(Name = "单位名称")]
    public string? UnitName { get; set; }

    [Display(Name = "姓名")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "请选择性别。")]
    [Display(Name = "性别")]
    public Gender? Gender { get; set; }

    [Display(Name = "身份证号")]
    public string? IdNumber { get; set; }

    [Display(Name = "民族")]
    public string? Ethnicity { get; set; }

    [Display(Name = "政治面貌")]
    public string? PoliticalStatus { get; set; }

    [Display(Name = "职务")]
    public string? Position { get; set; }

    [Display(Name = "职称")]
    public string? ProfessionalTitle { get; set; }

    [Display(Name = "职称证书编号")]
    public string? TitleCertificateNumber { get; set; }

    [Display(Name = "固定电话")]
    public string? Landline { get; set; }

    [Display(Name = "手机号码")]
    public string? Mobile { get; set; }

    [Display(Name = "QQ")]
    public string? QQ { get; set; }

    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }

    [Display(Name = "工作单位")]
    public string? WorkUnit { get; set; }

    [Display(Name = "通讯地址")]
    public string? MailingAddress { get; set; }

    [Display(Name = "邮编")]
    public string? Postcode { get; set; }

    [Display(Name = "单位联系人")]
    public string? UnitContact { get; set; }

    [Display(Name = "联系电话")]
    public string? ContactPhone { get; set; }

    [Display(Name = "传真")]
    public string? Fax { get; set; }

    [Display(Name = "备注")]
    public string? Remarks { get; set; }

    /// <summary>Prefill from an earlier receipt of the same trainee; the ID number is left for the trainee to type,
    /// so a full number is never put on a page that does not need it.</summary>
    public static EnrollmentInput From(EnrollmentForm form) => new()
    {
        UnitName = form.UnitName,
        Name = form.Name,
        Gender = form.Gender,
        Ethnicity = form.Ethnicity,
        PoliticalStatus = form.PoliticalStatus,
        Position = form.Position,
        ProfessionalTitle = form.ProfessionalTitle,
        TitleCertificateNumber = form.TitleCertificateNumber,
        Landline = form.Landline,
        Mobile = form.Mobile,
        QQ = form.QQ,
        Email = form.Email,
        WorkUnit = form.WorkUnit,
        MailingAddress = form.MailingAddress,
        Postcode = form.Postcode,
        UnitContact = form.UnitContact,
        ContactPhone = form.ContactPhone,
        Fax = form.Fax,
        Remarks = form.Remarks,
    };

    public EnrollmentForm ToForm(Gender gender) => new()
    {
        UnitName = UnitName ?? string.Empty,
        Name = Name ?? string.Empty,
        Gender = gender,
        Ethnicity = Ethnicity,
        PoliticalStatus = PoliticalStatus,
        Position = Position,
        ProfessionalTitle = ProfessionalTitle,
        TitleCertificateNumber = TitleCertificateNumber,
        Landline = Landline,
        Mobile = Mobile ?? string.Empty,
        QQ = QQ,
        Email = Email,
        WorkUnit = WorkUnit ?? string.Empty,
        MailingAddress = MailingAddress,
        Postcode = Postcode,
        UnitContact = UnitContact,
        ContactPhone = ContactPhone,
        Fax = Fax,
        Remarks = Remarks,
    };
}
