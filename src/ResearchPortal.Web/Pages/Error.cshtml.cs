using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Authorization.Throttling;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure.Uploads;

namespace ResearchPortal.Web.Pages;

/// <summary>
/// The page every failed request ends on: re-executed by the status code pages (400–599 without a body of their own)
/// and by the exception handler (500). It keeps the original status code and says in Chinese what happened.
/// </summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public const string ExpiredFormHeading = "页面已过期，请刷新后重试";

    public int Code { get; private set; }

    public string Heading { get; private set; } = string.Empty;

    public string Sentence { get; private set; } = string.Empty;

    public string? RequestId { get; private set; }

    /// <summary>The page the user came from, when it is one of ours (for a failed post: the form).</summary>
    public string? BackUrl { get; private set; }

    public void OnGet(int? code) => Describe(code);

    // A failed post is re-executed as a post.
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var databaseBusy = failure is not null && DatabaseBusy.Is(failure);
        Code = databaseBusy ? StatusCodes.Status503ServiceUnavailable
            : failure is not null ? StatusCodes.Status500InternalServerError
            : code ?? Response.StatusCode;
        if (Code >= 400)
        {
            Response.StatusCode = Code;
        }

        if (databaseBusy)
        {
            Response.Headers.RetryAfter = DatabaseBusy.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        (Heading, Sentence) = Code switch
        {
            _ when databaseBusy => (DatabaseBusy.Heading, DatabaseBusy.Sentence),
            StatusCodes.Status400BadRequest when HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } =>
                (ExpiredFormHeading, "为保护您的账号，表单在页面打开过久或重新登录后失效。请返回上一页，刷新后重新提交；已填写的内容可能需要重新填写。"),
            StatusCodes.Status400BadRequest => ("请求无效", "提交的内容无法处理，请返回上一页检查后重试。"),
            StatusCodes.Status403Forbidden => ("无权访问", "您的账号没有访问该页面或执行该操作的权限。如需办理，请使用对应单位的账号登录。"),
            StatusCodes.Status404NotFound => ("页面不存在", "您要找的页面或记录不存在，或您无权查看。请检查网址，或从首页重新进入。"),
            StatusCodes.Status405MethodNotAllowed => ("操作无效", "该页面不支持此操作，请返回上一页重试。"),
            StatusCodes.Status413PayloadTooLarge => ("上传的文件过大", RequestBodyLimit.Explanation),
            StatusCodes.Status429TooManyRequests => ("请求过于频繁", CertificateVerificationRateLimit.RejectionMessage),
            >= 500 => ("系统出错了", "处理您的请求时出错，请稍后重试。如问题持续存在，请联系平台管理员并提供下面的请求编号。"),
            _ => ("请求未能完成", "请返回上一页重试。如问题持续存在，请联系平台管理员。"),
        };
        RequestId = Code >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
        BackUrl = Request.Headers.Referer is [{ } referer] && Uri.TryCreate(referer, UriKind.Absolute, out var uri)
            && uri.Authority == Request.Host.Value ? uri.PathAndQuery : null;
    }
}
