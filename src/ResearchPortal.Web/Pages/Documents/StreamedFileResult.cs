using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ResearchPortal.Web.Pages.Documents;

/// <summary>
/// A download written into the response body while it is being made (e.g. a ZIP of hundreds of certificates), so the
/// whole file never sits in memory and the browser starts receiving at once. The writer must write asynchronously:
/// Kestrel refuses synchronous writes. A <see cref="FileResult"/>, so the export audit records its file name.
/// </summary>
public sealed class StreamedFileResult : FileResult
{
    private readonly Func<Stream, CancellationToken, Task> _write;

    public StreamedFileResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write)
        : base(contentType)
    {
        FileDownloadName = fileName;
        _write = write;
    }

    public override async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        http.Response.ContentType = ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileDownloadName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        await _write(http.Response.Body, http.RequestAborted);
    }
}
