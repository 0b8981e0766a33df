using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Account;

[Collection(PortalCollections.Accounts)]
public sealed class LogoutTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    private static readonly string SessionCookie = ".AspNetCore." + IdentityConstants.ApplicationScheme;

    [Fact]
    public async Task Logging_out_ends_the_session_so_a_copied_cookie_no_longer_reaches_a_signed_in_page()
    {
        var user = await app.CreateUserAsync(PortalRoles.Organizer);
        var browserCookies = new CookieContainer();
        using var browser = new PortalClient(app.CreateDefaultClient(new CookieContainerHandler(browserCookies)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LogInAsync(user.Email!, PortalApp.Password)).StatusCode);

        // Someone copies the session cookie (from a shared computer, a proxy log …) into another client.
        var copied = browserCookies.GetCookies(app.Server.BaseAddress)[SessionCookie];
        Assert.NotNull(copied);
        var thiefCookies = new CookieContainer();
        thiefCookies.Add(app.Server.BaseAddress, new Cookie(copied.Name, copied.Value));
        using var thief = new PortalClient(app.CreateDefaultClient(new CookieContainerHandler(thiefCookies)));
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/Account/ChangePassword")).StatusCode);

        using var logout = await browser.PostFormAsync("/Account/Logout", [], formPage: "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var afterLogout = await thief.GetAsync("/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, afterLogout.StatusCode);
        Assert.Contains("/Account/Login", afterLogout.Headers.Location?.OriginalString);
    }
}
