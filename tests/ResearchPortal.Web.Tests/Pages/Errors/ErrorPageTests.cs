using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure.Uploads;
using ResearchPortal.Web.Pages;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Errors;

/// <summary>Every failure ends on the Chinese error page in the site layout, with its status code and a way back.</summary>
[Collection(PortalCollections.Accounts)]
public sealed class ErrorPageTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task An_unknown_address_answers_404_with_the_chinese_page()
    {
        using var client = app.Anonymous();

        var response = await client.GetAsync("/No/Such/Page");

        await AssertErrorPageAsync(response, HttpStatusCode.NotFound, "页面不存在");
    }

    [Fact]
    public async Task A_handler_answering_NotFound_gets_the_page_too()
    {
        using var client = await OrganizerAsync();

        var response = await client.GetAsync($"/Filings/Edit?projectId={Guid.NewGuid()}");

        await AssertErrorPageAsync(response, HttpStatusCode.NotFound, "页面不存在");
    }

    [Fact]
    public async Task A_handler_answering_BadRequest_gets_the_page()
    {
        using var client = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        var response = await client.GetAsync($"/Documents/Acceptance?projectId={Guid.NewGuid()}&copies=99");

        await AssertErrorPageAsync(response, HttpStatusCode.BadRequest, "请求无效");
    }

    [Fact]
    public async Task A_page_of_another_role_answers_403_with_a_way_back()
    {
        using var client = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Trainee));

        var denied = await client.GetAsync("/Review/Filings");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        var response = await client.GetAsync(denied.Headers.Location!.OriginalString);

        await AssertErrorPageAsync(response, HttpStatusCode.Forbidden, "无权访问");
    }

    [Fact]
    public async Task A_bare_403_answers_with_the_chinese_page()
    {
        using var client = app.Anonymous();

        var response = await client.GetAsync("/Error?code=403");

        await AssertErrorPageAsync(response, HttpStatusCode.Forbidden, "无权访问");
    }

    [Fact]
    public async Task A_post_without_an_anti_forgery_token_says_the_page_expired()
    {
        using var client = app.Anonymous();

        var response = await client.Http.PostAsync(
            "/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@b.c", ["Input.Password"] = "x" }));

        await AssertErrorPageAsync(response, HttpStatusCode.BadRequest, ErrorModel.ExpiredFormHeading);
    }

    [Fact]
    public async Task A_post_with_another_session_s_token_says_the_page_expired_and_links_back_to_the_form()
    {
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var html = await reviewer.GetPageAsync("/Admin/Organizations");
        var token = WebUtility.HtmlDecode(TokenPattern.Match(html).Groups[1].Value);
        using var again = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Admin/Organizations")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Name"] = "过期表单单位",
                ["Input.City"] = "济南",
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Referrer = new Uri("http://localhost/Admin/Organizations");
        var response = await again.Http.SendAsync(request);

        var text = await AssertErrorPageAsync(response, HttpStatusCode.BadRequest, ErrorModel.ExpiredFormHeading);
        Assert.Contains("href=\"/Admin/Organizations\"", text);
    }

    [Fact]
    public async Task An_upload_over_the_request_limit_answers_413_and_names_the_limit()
    {
        using var client = await OrganizerAsync();
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(new byte[(int)RequestBodyLimit.MaxBytes + 1]), "Input.ImplementationPlan", "方案.pdf" },
        };

        var response = await client.Http.PostAsync($"/Filings/Edit?projectId={Guid.NewGuid()}&handler=Save", content);

        var text = await AssertErrorPageAsync(response, HttpStatusCode.RequestEntityTooLarge, "上传的文件过大");
        Assert.Contains("每个附件不能超过 20 MB，一次提交的全部内容不能超过 45 MB", text);
    }

    [Fact]
    public async Task An_exception_answers_500_with_the_chinese_page_and_a_request_number()
    {
        await using var failing = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<MvcOptions>(options => options.Filters.Add(new ThrowOnRequest()))));
        using var client = new PortalClient(failing.CreateClient(new() { AllowAutoRedirect = false }));

        var response = await client.GetAsync("/Seminars?throw=1");

        var text = await AssertErrorPageAsync(response, HttpStatusCode.InternalServerError, "系统出错了");
        Assert.Contains("请求编号", text);
    }

    [Fact]
    public async Task A_failing_htmx_request_keeps_its_status_so_htmx_does_not_swap_the_page_into_the_row()
    {
        using var client = await OrganizerAsync();
        client.Http.DefaultRequestHeaders.Add("HX-Request", "true");

        var response = await client.GetAsync($"/Roster?projectId={Guid.NewGuid()}");

        await AssertErrorPageAsync(response, HttpStatusCode.NotFound, "页面不存在");
    }

    private async Task<PortalClient> OrganizerAsync()
    {
        await using var db = app.NewContext();
        var unit = Organization.Create($"错误页测试单位{Guid.NewGuid():N}", "济南").Value;
        db.Organizations.Add(unit);
        await db.SaveChangesAsync();
        return await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, unit.Id));
    }

    /// <summary>Status kept, Chinese heading inside the site layout, a way back; returns the decoded text.</summary>
    internal static async Task<string> AssertErrorPageAsync(HttpResponseMessage response, HttpStatusCode status, string heading)
    {
        var text = await PageText.ReadAsync(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Matches($"<h1[^>]*>{heading}</h1>", text);
        Assert.Contains("高级研修项目管理平台", text);
        Assert.Contains("返回上一页", text);
        Assert.Contains("返回首页", text);
        return text;
    }

    private static readonly System.Text.RegularExpressions.Regex TokenPattern =
        new("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");

    private sealed class ThrowOnRequest : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            // The error page is re-executed with the same query string: fail only the first time.
            if (context.HttpContext.Request.Query.ContainsKey("throw") && context.HttpContext.Features.Get<IExceptionHandlerFeature>() is null)
            {
                throw new InvalidOperationException("Test failure.");
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}
