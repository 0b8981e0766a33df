using Microsoft.AspNetCore.Diagnostics;

namespace ResearchPortal.Web.Infrastructure.Uploads;

/// <summary>
/// The largest request the portal reads: a filing's two attachments at their maximum plus its fields. Larger requests
/// are refused with 413 before their body is read, on any server (Kestrel gets the same limit).
/// </summary>
public static class RequestBodyLimit
{
    private const long Megabyte = 1024 * 1024;

    public const long MaxBytes = 2 * UploadedDocument.MaxBytes + 5 * Megabyte;

    public static readonly string Explanation =
        $"每个附件不能超过 {UploadedDocument.MaxBytes / Megabyte} MB，一次提交的全部内容不能超过 {MaxBytes / Megabyte} MB。请压缩或拆分文件后重新选择。";

    /// <summary>Answers 413 (shown as the Chinese error page) when the declared length is over the limit.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // The error page re-executes the same request: let it through.
            if (context.Request.ContentLength > MaxBytes && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            return next(context);
        });
}
