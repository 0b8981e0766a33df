using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ResearchPortal.Web.Documents.Fonts;

namespace ResearchPortal.Web.Pages.Documents;

/// <summary>
/// Base of the download pages. The page itself is only shown when the document cannot be made: a missing Chinese
/// font answers 503 with the font message (which names the package to install), never a stack trace.
/// </summary>
public abstract class DocumentDownloadModel(IOptions<PdfFontOptions> fontOptions) : PageModel
{
    public const string PdfContentType = "application/pdf";
    public const string ZipContentType = "application/zip";

    public string? Problem { get; private set; }

    protected PdfFontOptions Fonts => fontOptions.Value;

    /// <summary>An empty document helps nobody: back to the project with a word on why.</summary>
    protected IActionResult NothingToPrint(Guid projectId, string message)
    {
        TempData["StatusMessage"] = message;
        return RedirectToPage("/Projects/Details", new { id = projectId });
    }

    /// <summary>Renders and sends the file under a Chinese name (Content-Disposition carries it as RFC 5987 filename*).</summary>
    /// <param name="afterRender">Runs only once the file exists, e.g. to audit an export.</param>
    protected async Task<IActionResult> DownloadAsync(
        Func<byte[]> render, string fileName, string contentType = PdfContentType, Func<Task>? afterRender = null)
    {
        byte[] content;
        try
        {
            content = render();
        }
        catch (PdfFontMissingException e)
        {
            return FontMissing(e);
        }

        if (afterRender is not null)
        {
            await afterRender();
        }

        return File(content, contentType, fileName);
    }

    /// <summary>This page with the font message and 503, for a document that cannot be made.</summary>
    protected IActionResult FontMissing(PdfFontMissingException problem)
    {
        Problem = problem.Message;
        ViewData["Title"] = "无法生成文件";
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }
}
