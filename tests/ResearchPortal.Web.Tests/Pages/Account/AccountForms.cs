using System.Net;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Account;

/// <summary>The account forms as a browser posts them.</summary>
internal static class AccountForms
{
    public static Task<HttpResponseMessage> LogInAsync(this PortalClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    public static Task<HttpResponseMessage> RegisterAsync(this PortalClient client, string email, string password, string name = "刘学员") =>
        client.PostFormAsync("/Account/Register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    public static Task<HttpResponseMessage> ChangePasswordAsync(this PortalClient client, string current, string newPassword) =>
        client.PostFormAsync("/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

    /// <summary>Whether a fresh client gets in with this password (a redirect away from the log-in form).</summary>
    public static async Task<bool> CanLogInAsync(this PortalApp app, string email, string password)
    {
        using var client = app.Anonymous();
        using var response = await client.LogInAsync(email, password);
        return response.StatusCode == HttpStatusCode.Redirect;
    }


    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@test.local";

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
