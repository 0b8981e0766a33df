using System.Net;

namespace ResearchPortal.Web.Tests.Pages.Roster;

/// <summary>Razor encodes CJK text as character references; tests compare the decoded text.</summary>
public static class PageText
{
    public static string Of(string html) => WebUtility.HtmlDecode(html);

    public static async Task<string> ReadAsync(HttpResponseMessage response) => Of(await response.Content.ReadAsStringAsync());
}
