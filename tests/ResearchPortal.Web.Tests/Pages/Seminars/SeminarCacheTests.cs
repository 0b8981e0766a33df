using System.Net;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Seminars;

/// <summary>The public seminar list is served from the output cache to anonymous visitors only, per query string.</summary>
public sealed class SeminarCacheTests : IAsyncLifetime
{
    private readonly PortalApp _app = new() { Settings = new Dictionary<string, string> { [PublicPageCache.SecondsSetting] = "60" } };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Anonymous_visitors_get_the_cached_list_until_it_expires_and_signed_in_users_the_database()
    {
        using var anonymous = _app.Anonymous();
        Assert.Null((await GetAsync(anonymous, "/Seminars")).Headers.Age);
        var seminar = await ProjectGraph.SaveApprovedAsync(_app.NewContext());

        var cached = await GetAsync(anonymous, "/Seminars");
        var otherQuery = await GetAsync(anonymous, $"/Seminars?q={seminar.Project.ProjectNumber}");
        using var reviewer = await _app.LoginAsync(await _app.CreateUserAsync(PortalRoles.Reviewer));
        var signedIn = await GetAsync(reviewer, "/Seminars");

        Assert.NotNull(cached.Headers.Age);
        Assert.DoesNotContain(seminar.Project.ProjectNumber, await cached.Content.ReadAsStringAsync());
        Assert.Contains($"/Seminars/Details?projectId={seminar.Project.Id}", await otherQuery.Content.ReadAsStringAsync());
        Assert.Null(signedIn.Headers.Age);
        Assert.Contains($"/Seminars/Details?projectId={seminar.Project.Id}", await signedIn.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> GetAsync(PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
