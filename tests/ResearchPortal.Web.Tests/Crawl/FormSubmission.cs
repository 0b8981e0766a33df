using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ResearchPortal.Web.Tests.Crawl;

/// <summary>
/// What one click on a submit button would send, resolved as the browser does it: the button's <c>formaction</c> /
/// <c>formmethod</c> override the form's <c>action</c> / <c>method</c>, relative to the page's address; an empty action
/// is the page itself. An htmx <c>hx-post</c>/<c>hx-get</c> on the form or button is a second address for the same fields.
/// </summary>
public sealed record FormSubmission(Uri Page, string Button, string Method, Uri Address, IReadOnlySet<string> Fields)
{
    public bool IsPost => string.Equals(Method, "post", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Page.PathAndQuery} 按钮“{Button}” → {Method.ToUpperInvariant()} {Address.PathAndQuery}";

    private static readonly HtmlParser Parser = new();

    public static IReadOnlyList<FormSubmission> FindAll(Uri page, string html)
    {
        var document = Parser.ParseDocument(html);
        var submissions = new List<FormSubmission>();
        foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form"))
        {
            var fields = FieldsOf(document, form);
            var allButtons = SubmitButtonsOf(document, form);
            var buttons = allButtons.Where(IsEnabled).ToList();

            // A form whose buttons are all disabled cannot be sent; one without any can, by Enter in an enabled field.
            if (allButtons.Count == 0 && document.QuerySelectorAll("input:not([type=hidden])").Any(input => Owner(document, input) == form && IsEnabled(input)))
            {
                submissions.AddRange(Targets(page, form, button: null, "（无按钮的表单）", fields));
            }

            foreach (var button in buttons)
            {
                var name = button.GetAttribute("name");
                var withButton = name is null ? fields : new HashSet<string>(fields, StringComparer.OrdinalIgnoreCase) { name };
                var text = button is IHtmlInputElement input ? input.Value : button.TextContent;
                submissions.AddRange(Targets(page, form, button, string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), withButton));
            }
        }

        return submissions;
    }

    private static IEnumerable<FormSubmission> Targets(Uri page, IHtmlFormElement form, IElement? button, string label, IReadOnlySet<string> fields)
    {
        var method = button?.GetAttribute("formmethod") ?? form.GetAttribute("method") ?? "get";
        var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action");
        yield return new FormSubmission(page, label, method.ToLowerInvariant(), Resolve(page, action), fields);

        foreach (var verb in new[] { "post", "get" })
        {
            if ((button?.GetAttribute($"hx-{verb}") ?? form.GetAttribute($"hx-{verb}")) is { } htmxAction)
            {
                yield return new FormSubmission(page, $"{label}（htmx）", verb, Resolve(page, htmxAction), fields);
            }
        }
    }

    private static Uri Resolve(Uri page, string? action) =>
        string.IsNullOrEmpty(action) ? page : new Uri(page, System.Net.WebUtility.HtmlDecode(action));

    /// <summary>Enabled named controls that belong to the form, inside it or elsewhere with <c>form="id"</c> (disabled ones are not sent).</summary>
    private static HashSet<string> FieldsOf(IDocument document, IHtmlFormElement form) =>
        document.QuerySelectorAll("input[name], select[name], textarea[name]")
            .Where(element => Owner(document, element) == form && IsEnabled(element)
                && element.GetAttribute("type") is not ("submit" or "image" or "button" or "reset"))
            .Select(element => element.GetAttribute("name")!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static List<IElement> SubmitButtonsOf(IDocument document, IHtmlFormElement form) =>
        document.QuerySelectorAll("button, input[type=submit], input[type=image]")
            .Where(element => Owner(document, element) == form)
            .Where(element => element is not IHtmlButtonElement || (element.GetAttribute("type") ?? "submit").Equals("submit", StringComparison.OrdinalIgnoreCase))
            .ToList();

    private static bool IsEnabled(IElement element) => !element.HasAttribute("disabled") && element.Closest("fieldset[disabled]") is null;

    private static IElement? Owner(IDocument document, IElement element) =>
        element.GetAttribute("form") is { } id ? document.GetElementById(id) : element.Closest("form");
}
