using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ResearchPortal.Web.Infrastructure.Listing;

/// <summary>
/// <c>&lt;a list-sort="name"&gt;项目名称&lt;/a&gt;</c> in a table header: links to the list sorted by that column,
/// ascending first and descending when clicked again, back on page 1, keeping the filters; marks the active column.
/// </summary>
[HtmlTargetElement("a", Attributes = "list-sort")]
public sealed class SortLinkTagHelper : TagHelper
{
    [HtmlAttributeName("list-sort")]
    public string Key { get; set; } = string.Empty;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var request = ViewContext.HttpContext.Request;
        var current = request.Query[ListQueryKeys.Sort].ToString();
        var ascending = string.Equals(current, Key, StringComparison.OrdinalIgnoreCase);
        var descending = string.Equals(current, "-" + Key, StringComparison.OrdinalIgnoreCase);
        output.Attributes.SetAttribute("href", ListUrl.With(request, (ListQueryKeys.Sort, ascending ? "-" + Key : Key), (ListQueryKeys.Page, null)));
        output.Attributes.SetAttribute("class", "link-dark text-decoration-none");
        if (ascending || descending)
        {
            output.Attributes.SetAttribute("aria-current", "true");
            output.PostContent.Append(ascending ? " ▲" : " ▼");
        }

        output.Attributes.SetAttribute("title", ascending ? "点击按降序排列" : "点击按升序排列");
    }
}
