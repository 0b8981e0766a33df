using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Documents.Forms;
using ResearchPortal.Web.Tests.Documents;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Pages.Filings.FilingScenario;

namespace ResearchPortal.Web.Tests.Pages.Filings;

/// <summary>The contact's 职务 typed on the filing form reaches the roster's 工作单位、职务 line; the draft prints as 草稿.</summary>
[Collection(PortalCollections.Projects)]
public sealed class FilingContactPositionTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task Position_saved_with_the_draft_is_shown_again_and_printed_on_the_roster()
    {
        var scenario = await CreateAsync(app);
        using var client = await scenario.LoginHostAsync(app);

        var saved = await client.PostMultipartAsync(
            scenario.EditUrl + "&handler=Save",
            new() { ["Input.ContactPerson"] = "王老师", ["Input.ContactPosition"] = "  培训科科长 " },
            [],
            scenario.EditUrl);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.NewContext())
        {
            Assert.Equal("培训科科长", (await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id)).ContactPosition);
        }

        Assert.Contains("value=\"培训科科长\"", await client.GetPageAsync(scenario.EditUrl));
        var roster = await client.GetAsync($"/Documents/Roster?projectId={scenario.Project.Id}");
        Assert.Contains($"工作单位、职务：{scenario.Host.Name}、培训科科长", PdfTools.Text(await roster.Content.ReadAsByteArrayAsync()));
        var filing = await client.GetAsync($"/Documents/Filing?projectId={scenario.Project.Id}");
        Assert.Contains(FilingPdf.DraftMark, PdfTools.Text(await filing.Content.ReadAsByteArrayAsync()));
    }
}
