using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Documents.Fonts;
using ResearchPortal.Web.Pages.Documents;

namespace ResearchPortal.Web.Tests.Pages.Documents;

public class FontMissingTests
{
    [Fact]
    public async Task A_missing_font_answers_503_with_the_chinese_message_instead_of_a_file()
    {
        var page = new FontlessDownload
        {
            PageContext = new PageContext
            {
                HttpContext = new DefaultHttpContext(),
                ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()),
            },
        };

        var result = await page.OnGetAsync();

        Assert.IsType<PageResult>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, page.Response.StatusCode);
        Assert.Equal(FontlessDownload.Message, page.Problem);
    }

    private sealed class FontlessDownload() : DocumentDownloadModel(Options.Create(new PdfFontOptions()))
    {
        public const string Message = "未找到中文字体，请安装 fonts-wqy-microhei。";

        public Task<IActionResult> OnGetAsync() => DownloadAsync(() => throw new PdfFontMissingException(Message), "x.pdf");
    }
}
