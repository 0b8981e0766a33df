using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ResearchPortal.Web.Tests.Web;

/// <summary>
/// An HTTP client that behaves like a browser posting the portal's forms: it reads the anti-forgery token from
/// the page the form lives on and sends it with the fields. Redirects are not followed, so tests can assert them.
/// </summary>
public sealed partial class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    /// <summary>The HTML of a page that must answer 200.</summary>
    public async Task<string> GetPageAsync(string url)
    {
        var response = await http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return html;
    }

    /// <summary>The number of SQL commands a GET of <paramref name="url"/> runs (it must answer 200), counted by <paramref name="counter"/>.</summary>
    public async Task<int> CountSqlCommandsAsync(string url, Infrastructure.SqlCommandCounter counter)
    {
        var requestId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(Infrastructure.SqlCommandCounter.RequestHeader, requestId);
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        await response.Content.ReadAsStringAsync();
        return await counter.CountOfAsync(requestId);
    }

    /// <summary>Posts url-encoded fields; the token comes from <paramref name="formPage"/> (default: the same url).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await ReadTokenAsync(formPage ?? url);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await http.PostAsync(url, content);
    }

    /// <summary>Posts a multipart form with files (name → (file name, bytes)).</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(
        string url, Dictionary<string, string> fields, Dictionary<string, (string FileName, byte[] Content)> files, string? formPage = null)
    {
        var token = await ReadTokenAsync(formPage ?? url);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, file) in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, name, file.FileName);
        }

        return await http.PostAsync(url, content);
    }

    public void Dispose() => http.Dispose();

    /// <summary>The anti-forgery token of the form on <paramref name="formPage"/>, bound to this client's cookies.</summary>
    public async Task<string> ReadTokenAsync(string formPage)
    {
        var html = await GetPageAsync(formPage);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No anti-forgery token on {formPage}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
