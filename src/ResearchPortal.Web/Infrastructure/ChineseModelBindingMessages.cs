using Microsoft.AspNetCore.Mvc;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>
/// Model binding's own messages (a letter typed into a number field, a missing value) in Chinese. A field without a
/// Chinese display name is one the user does not see (a hidden field, a route value): the message then says the page's
/// data was invalid instead of naming an English property.
/// </summary>
public static class ChineseModelBindingMessages
{
    public const string HiddenFieldInvalid = "页面提交的数据无效，请刷新页面后重试。";

    public static void Apply(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => Shown(field) ? $"“{value}”不是有效的{field}。" : HiddenFieldInvalid);
        messages.SetMissingBindRequiredValueAccessor(field => Shown(field) ? $"请填写{field}。" : HiddenFieldInvalid);
        messages.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”无效。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "输入的值无效。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "此项须为数字。");
        messages.SetUnknownValueIsInvalidAccessor(field => Shown(field) ? $"{field}的值无效。" : HiddenFieldInvalid);
        messages.SetValueIsInvalidAccessor(value => $"“{value}”无效。");
        messages.SetValueMustBeANumberAccessor(field => Shown(field) ? $"{field}须为数字。" : HiddenFieldInvalid);
        messages.SetValueMustNotBeNullAccessor(value => $"请填写{value}。");
    }

    /// <summary>Fields the user sees carry a Chinese label ([Display(Name = "…")]); others fall back to the property name.</summary>
    public static bool Shown(string? displayName) =>
        displayName is not null && displayName.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
