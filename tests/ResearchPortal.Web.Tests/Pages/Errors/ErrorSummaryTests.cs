using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Errors;

/// <summary>The layout's error summary: no failed post comes back without saying why, in Chinese.</summary>
[Collection(PortalCollections.Accounts)]
public sealed class ErrorSummaryTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task A_tampered_hidden_guid_is_reported_in_chinese_and_nothing_is_saved()
    {
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        // The form carries the organization's id in its action; a tampered one fails binding on a field no input shows.
        var response = await reviewer.PostFormAsync(
            "/Admin/Organizations?id=not-a-guid", new() { ["Input.Name"] = "篡改测试单位", ["Input.City"] = "济南" }, "/Admin/Organizations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await PageText.ReadAsync(response);
        Assert.Contains("请修改以下问题后重新提交", text);
        Assert.Contains(ChineseModelBindingMessages.HiddenFieldInvalid, text);
        Assert.Contains("value=\"篡改测试单位\"", text);
        await using var db = app.NewContext();
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == "篡改测试单位"));
    }

    [Fact]
    public async Task Field_errors_are_listed_with_a_link_to_their_field_and_the_summary_can_take_focus()
    {
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        var response = await reviewer.PostFormAsync("/Admin/Organizations", new() { ["Input.Name"] = "", ["Input.City"] = "" });

        var text = await PageText.ReadAsync(response);
        Assert.Contains("tabindex=\"-1\" data-error-summary", text);
        Assert.Matches("<a class=\"alert-link\" href=\"#Input_Name\" data-error-field=\"Input.Name\">[^<]+</a>", text);
    }
}
