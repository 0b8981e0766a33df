using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ResearchPortal.Web.Documents.Exports;

/// <summary>Streams a workbook written by an <see cref="Xlsx.XlsxSheetWriter"/> straight into the response body,
/// so a 100,000-row list never sits in memory as a whole file.</summary>
public sealed class XlsxDownload(string fileName, Action<Stream> write) : IActionResult
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const int BufferBytes = 64 * 1024;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        http.Response.ContentType = ContentType;
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();

        // The OpenXML writer and ZipArchive only write synchronously; allowing that for this one response is what
        // keeps memory flat. The buffer turns their many small writes into few large ones.
        http.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
        var body = new BufferedStream(http.Response.Body, BufferBytes);
        write(body);
        await body.FlushAsync(http.RequestAborted);
    }
}
