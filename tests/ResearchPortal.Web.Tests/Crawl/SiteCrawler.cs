using System.Net;
using AngleSharp.Html.Parser;

namespace ResearchPortal.Web.Tests.Crawl;

/// <summary>
/// Follows same-origin links (GET only) from the home page, as one signed-in user (or nobody) would, and hands every
/// HTML page it reached to the caller. Log-out and file downloads are skipped; each address pattern (path plus query
/// names) is visited at most <see cref="VisitsPerPattern"/> times, and <see cref="MaxPages"/> pages in all.
/// </summary>
public sealed class SiteCrawler(HttpClient http, Uri origin)
{
    public const int MaxPages = 250;
    public const int VisitsPerPattern = 8;

    /// <summary>Addresses that answer a file (PDF, XLSX, ZIP, attachment), not a page.</summary>
    private static readonly string[] DownloadPaths =
        ["/Documents/", "/Spreadsheets/Project", "/Spreadsheets/AllProjects", "/Seminars/Notice", "/Filings/Attachment"];

    private static readonly HtmlParser Parser = new();

    /// <summary>Pages reached (address → HTML) and links that answered neither a page nor a redirect.</summary>
    public async Task<(IReadOnlyDictionary<Uri, string> Pages, IReadOnlyList<string> BrokenLinks)> CrawlAsync()
    {
        var pages = new Dictionary<Uri, string>();
        var broken = new List<string>();
        var seen = new HashSet<string> { "/" };
        var patterns = new Dictionary<string, int>();
        var queue = new Queue<(Uri Address, Uri From)>([(new Uri(origin, "/"), new Uri(origin, "/"))]);
        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var (address, from) = queue.Dequeue();
            using var response = await http.GetAsync(address);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && response.Headers.Location is { } location)
            {
                Enqueue(new Uri(address, location), address);
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{from.PathAndQuery} 的链接 {address.PathAndQuery} 返回 {(int)response.StatusCode}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            pages[address] = html;
            foreach (var href in Parser.ParseDocument(html).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (Uri.TryCreate(address, WebUtility.HtmlDecode(href), out var target))
                {
                    Enqueue(target, address);
                }
            }
        }

        return (pages, broken);

        void Enqueue(Uri target, Uri from)
        {
            if (target.Scheme is not ("http" or "https") || target.Authority != origin.Authority)
            {
                return;
            }

            var withoutFragment = new Uri(target.GetLeftPart(UriPartial.Query));
            var path = withoutFragment.AbsolutePath;
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(withoutFragment.Query);
            if (path.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)
                || DownloadPaths.Any(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                || query.ContainsKey("handler")
                || !seen.Add(withoutFragment.PathAndQuery))
            {
                return;
            }

            var pattern = path.ToLowerInvariant() + "?" + string.Join('&', query.Keys.Order(StringComparer.OrdinalIgnoreCase));
            var visits = patterns.GetValueOrDefault(pattern);
            if (visits >= VisitsPerPattern)
            {
                return;
            }

            patterns[pattern] = visits + 1;
            queue.Enqueue((withoutFragment, from));
        }
    }
}
