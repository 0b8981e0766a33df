using System.Net;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Seminars;

[Collection(PortalCollections.Projects)]
public sealed class SeminarPagesTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task Anonymous_visitor_sees_approved_seminars_but_not_submitted_ones()
    {
        var approved = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var submitted = await ProjectGraph.SaveSubmittedAsync(app.NewContext());
        using var client = app.Anonymous();

        var html = WebUtility.HtmlDecode(await client.GetPageAsync("/Seminars"));

        Assert.Contains(approved.Project.ProjectNumber, html);
        Assert.Contains("剩余名额", html);
        Assert.DoesNotContain(submitted.Project.ProjectNumber, html);
    }

    [Fact]
    public async Task Filters_by_city_and_search_text()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        using var client = app.Anonymous();

        var byCity = await client.GetPageAsync($"/Seminars?city=济南&q={seminar.Project.ProjectNumber}");
        var otherCity = await client.GetPageAsync($"/Seminars?city=烟台&q={seminar.Project.ProjectNumber}");

        // The search text echoes in the search box, so look for the row's link instead.
        var link = $"/Seminars/Details?projectId={seminar.Project.Id}";
        Assert.Contains(link, byCity);
        Assert.DoesNotContain(link, otherCity);
    }

    [Fact]
    public async Task Details_show_programme_with_the_published_phone_numbers_in_full_and_enroll_link()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        using var client = app.Anonymous();

        var html = WebUtility.HtmlDecode(await client.GetPageAsync($"/Seminars/Details?projectId={seminar.Project.Id}"));

        Assert.Contains("现代农业技术", html);
        Assert.Contains("办公电话 <a href=\"tel:0531-88888888\">0531-88888888</a>", html);
        Assert.Contains("手机 <a href=\"tel:13800000000\">13800000000</a>", html);
        Assert.Contains($"/Enrollments/New?projectId={seminar.Project.Id}", html);
    }

    [Fact]
    public async Task Unapproved_seminar_has_no_public_details_or_notice()
    {
        var submitted = await ProjectGraph.SaveSubmittedAsync(app.NewContext());
        using var client = app.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Seminars/Details?projectId={submitted.Project.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Seminars/Notice?projectId={submitted.Project.Id}")).StatusCode);
    }

    [Fact]
    public async Task Notice_of_approved_seminar_downloads_anonymously()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        using var client = app.Anonymous();

        var response = await client.GetAsync($"/Seminars/Notice?projectId={seminar.Project.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(seminar.Notice.Content, await response.Content.ReadAsByteArrayAsync());
    }
}
