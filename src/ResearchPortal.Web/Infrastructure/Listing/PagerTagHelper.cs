using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ResearchPortal.Web.Infrastructure.Listing;

/// <summary>
/// <c>&lt;list-pager of="Model.Rows" /&gt;</c>: "共 N 条，第 x / y 页" and links to the
/// first, previous, nearby, next and last pages, keeping the filters and sort in the URL. Renders the count alone
/// when everything fits on one page.
/// </summary>
[HtmlTargetElement("list-pager", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PagerTagHelper : TagHelper
{
    private const int NearbyPages = 2;

    /// <summary>The page shown.</summary>
    public IPagedList Of { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var (pageNumber, pageCount) = (Of.PageNumber, Of.PageCount);
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("aria-label", "分页");
        output.Attributes.SetAttribute("class", "d-flex flex-wrap align-items-center gap-3 my-2");
        output.Content.AppendHtml($"<span class=\"text-muted small\">共 {Of.TotalCount} 条，第 {pageNumber} / {pageCount} 页</span>");
        if (pageCount == 1)
        {
            return;
        }

        var request = ViewContext.HttpContext.Request;
        output.Content.AppendHtml("<ul class=\"pagination pagination-sm mb-0\">");
        Link(1, "首页", pageNumber == 1);
        Link(pageNumber - 1, "上一页", pageNumber == 1);
        for (var page = Math.Max(1, pageNumber - NearbyPages); page <= Math.Min(pageCount, pageNumber + NearbyPages); page++)
        {
            Link(page, page.ToString(CultureInfo.InvariantCulture), disabled: false, current: page == pageNumber);
        }

        Link(pageNumber + 1, "下一页", pageNumber == pageCount);
        Link(pageCount, "末页", pageNumber == pageCount);
        output.Content.AppendHtml("</ul>");

        void Link(int page, string text, bool disabled, bool current = false)
        {
            var href = HtmlEncoder.Default.Encode(ListUrl.With(request, (ListQueryKeys.Page, page == 1 ? null : page.ToString(CultureInfo.InvariantCulture))));
            var state = current ? " active" : disabled ? " disabled" : string.Empty;
            var aria = current ? " aria-current=\"page\"" : string.Empty;
            output.Content.AppendHtml($"<li class=\"page-item{state}\"><a class=\"page-link\" href=\"{href}\"{aria}>{HtmlEncoder.Default.Encode(text)}</a></li>");
        }
    }
}
