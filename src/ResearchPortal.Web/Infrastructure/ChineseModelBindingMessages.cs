using Microsoft.AspNetCore.Mvc;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>Model binding's own messages (a letter typed into a number field, a missing value) in Chinese.</summary>
public static class ChineseModelBindingMessages
{
    public static void Apply(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{field}。");
        messages.SetMissingBindRequiredValueAccessor(field => $"请填写{field}。");
        messages.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”无效。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "输入的值无效。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "此项须为数字。");
        messages.SetUnknownValueIsInvalidAccessor(field => $"{field}的值无效。");
        messages.SetValueIsInvalidAccessor(value => $"“{value}”无效。");
        messages.SetValueMustBeANumberAccessor(field => $"{field}须为数字。");
        messages.SetValueMustNotBeNullAccessor(value => $"请填写{value}。");
    }
}
