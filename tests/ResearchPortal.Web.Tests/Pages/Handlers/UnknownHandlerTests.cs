using System.Net;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Handlers;

/// <summary>A POST naming no handler, or one the page lacks, answers 404 instead of rendering an unloaded page.</summary>
public sealed class UnknownHandlerTests : IAsyncLifetime
{
    private readonly PortalApp _app = new() { Today = TestData.AfterSeminar };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Theory]
    [InlineData("/CloseOuts/Edit", "")]
    [InlineData("/CloseOuts/Edit", "&handler=Nope")]
    [InlineData("/Roster", "")]
    [InlineData("/Roster", "&handler=Nope")]
    [InlineData("/PartyGroups", "")]
    [InlineData("/Enrollments/Queue", "&handler=Nope")]
    public async Task A_post_to_a_handler_the_page_lacks_is_not_found(string page, string handler)
    {
        var graph = await RosterGraph.SaveAsync(_app, 3);
        using var host = await graph.HostOrganizerAsync(_app);
        var formPage = $"{page}?{graph.Query}";

        var response = await host.PostFormAsync($"{formPage}{handler}", new() { ["Input.ConcurrencyToken"] = "" }, formPage);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
