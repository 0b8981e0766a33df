using System.Net;
using ResearchPortal.Web.Data.Demo;
using ResearchPortal.Web.Tests.Browser;
using ResearchPortal.Web.Tests.Web;
using Xunit.Abstractions;

namespace ResearchPortal.Web.Tests.Crawl;

/// <summary>
/// No dead buttons, by construction: every form and submit button on every page a demo role can reach from the home
/// page must post to an existing page handler with the values that handler needs (issue 7, item 5).
/// </summary>
[Collection(DemoPortalCollection.Name)]
public sealed class DeadButtonTests(DemoPortal portal, ITestOutputHelper output)
{
    /// <param name="deepestPage">A page the role reaches only through several links, proving the crawl went that far.</param>
    [Theory]
    [InlineData(null, "/Account/Register")]
    [InlineData(DemoRole.Reviewer, "/Admin/AccountPassword")]
    [InlineData(DemoRole.Host, "/CloseOuts/Edit")]
    [InlineData(DemoRole.Applicant, "/CloseOuts/ApplicantScore")]
    [InlineData(DemoRole.Trainee, "/Outcomes/Submit")]
    public async Task Every_button_a_role_can_reach_posts_to_an_existing_handler_with_its_route_values(DemoRole? role, string deepestPage)
    {
        var map = await PageHandlerMap.LoadAsync(portal.App.Services);
        // The app listens on a real port: a plain client with its own cookie jar, redirects left to the crawler.
        using var client = new PortalClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress });
        if (role is { } demoRole)
        {
            var login = await client.PostFormAsync("/Account/Login", new()
            {
                ["Input.Email"] = DemoPortal.EmailOf(demoRole),
                ["Input.Password"] = DemoDataSeeder.Password,
            });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var (pages, brokenLinks) = await new SiteCrawler(client.Http, portal.BaseAddress).CrawlAsync();
        var submissions = pages.SelectMany(page => FormSubmission.FindAll(page.Key, page.Value)).ToList();
        var problems = submissions.Select(s => (Submission: s, Problem: map.Check(s)))
            .Where(r => r.Problem is not null)
            .Select(r => $"{r.Submission}: {r.Problem}")
            .Distinct()
            .Concat(brokenLinks)
            .ToList();

        output.WriteLine($"{role?.ToString() ?? "anonymous"}: {pages.Count} pages, {submissions.Count} form submissions checked");
        Assert.Contains(pages.Keys, page => page.AbsolutePath.Equals(deepestPage, StringComparison.OrdinalIgnoreCase));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The check itself can fail: the close-out page as it was before the fix (issue 7) is reported.</summary>
    [Fact]
    public async Task The_old_close_out_buttons_without_the_project_id_are_reported()
    {
        var map = await PageHandlerMap.LoadAsync(portal.App.Services);
        var page = new Uri(portal.BaseAddress, $"/CloseOuts/Edit?projectId={Guid.NewGuid()}");
        const string oldMarkup = """
            <form method="post" action="/CloseOuts/Edit?projectId=3f2a0d1e-0000-4000-8000-000000000001">
              <input name="__RequestVerificationToken" type="hidden" value="t" />
              <input type="hidden" name="Input.Token" value="" />
              <textarea name="Input.Report.BasicInformation"></textarea>
              <button type="submit" formaction="/CloseOuts/Edit?handler=Save">保存草稿</button>
              <button type="submit" formaction="/CloseOuts/Edit?handler=Submit">提交结业材料</button>
            </form>
            """;

        var submissions = FormSubmission.FindAll(page, oldMarkup);

        Assert.Equal(["保存草稿", "提交结业材料"], submissions.Select(s => s.Button));
        Assert.All(submissions, s => Assert.Equal("/CloseOuts/Edit?handler=" + (s.Button == "保存草稿" ? "Save" : "Submit"), s.Address.PathAndQuery));
        Assert.All(submissions, s => Assert.Contains("projectId", map.Check(s)));
    }

    [Fact]
    public async Task The_fixed_close_out_buttons_pass_and_unknown_pages_and_handlers_are_reported()
    {
        var map = await PageHandlerMap.LoadAsync(portal.App.Services);
        var page = new Uri(portal.BaseAddress, "/CloseOuts/Edit");
        var projectId = Guid.NewGuid();
        string[] fields = [PageHandlerMap.AntiforgeryField, "Input.ConcurrencyToken"];
        FormSubmission Post(string address, params string[] with) =>
            new(page, "按钮", "post", new Uri(portal.BaseAddress, address), fields.Concat(with).ToHashSet());

        Assert.Null(map.Check(Post($"/CloseOuts/Edit?projectId={projectId}&handler=Save")));
        Assert.Null(map.Check(Post("/CloseOuts/Edit?handler=Submit", "projectId")));
        Assert.Contains("不对应任何页面", map.Check(Post($"/CloseOut/Edit?projectId={projectId}&handler=Save")));
        Assert.Contains("没有 POST 处理方法“Publish”", map.Check(Post($"/CloseOuts/Edit?projectId={projectId}&handler=Publish")));
        Assert.Contains("防伪令牌", map.Check(new FormSubmission(page, "按钮", "post", new Uri(portal.BaseAddress, $"/CloseOuts/Edit?projectId={projectId}&handler=Save"), new HashSet<string>())));
    }
}
