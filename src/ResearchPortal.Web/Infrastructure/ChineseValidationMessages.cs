using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>
/// A validation attribute written without its own Chinese <c>ErrorMessage</c> (or one MVC adds implicitly, such as
/// [Required] on a non-nullable value type) gets a Chinese message here instead of the framework's English one.
/// (HiddenFieldInvalid has no placeholders, so string.Format leaves it as it is.)
/// </summary>
public sealed class ChineseValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        // As for binding errors: a field without a Chinese label is not shown, so its message cannot name it.
        var shown = ChineseModelBindingMessages.Shown(context.Attributes.OfType<DisplayAttribute>().FirstOrDefault()?.Name);
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceType is null)
            {
                attribute.ErrorMessage = shown ? DefaultMessage(attribute) : ChineseModelBindingMessages.HiddenFieldInvalid;
            }
        }
    }

    private static string DefaultMessage(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "请填写{0}。",
        StringLengthAttribute { MinimumLength: > 0 } => "{0}应为 {2} 到 {1} 个字。",
        StringLengthAttribute or MaxLengthAttribute => "{0}不能超过 {1} 个字。",
        MinLengthAttribute => "{0}不能少于 {1} 个字。",
        RangeAttribute => "{0}应在 {1} 到 {2} 之间。",
        EmailAddressAttribute => "{0}不是有效的电子邮箱地址。",
        CompareAttribute => "{0}与{1}不一致。",
        _ => "{0}无效。",
    };
}
