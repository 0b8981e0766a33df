using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Authorization;

/// <summary>
/// Issue 3's authorization matrix: every page handler (<see cref="AuthorizationMatrix"/>) × every <see cref="Actor"/>
/// against one scenario (<see cref="MatrixScenario"/>), and a check that the matrix lists every handler the app has.
/// </summary>
[Collection(PortalCollections.Accounts)]
public sealed partial class AuthorizationMatrixTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    private const string TokenPage = "/Account/Login"; // open to everyone, so every actor can get a token bound to itself

    [Fact]
    public async Task Every_page_and_handler_of_the_app_has_a_row_in_the_matrix()
    {
        var discovered = await DiscoverHandlersAsync();
        var listed = AuthorizationMatrix.Rows.Select(row => row.Key).ToList();

        var missing = discovered.Except(listed).Order(KeyOrder.Instance).ToList();
        var stale = listed.Except(discovered).Order(KeyOrder.Instance).ToList();
        var duplicated = listed.GroupBy(key => key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        var problems = new StringBuilder();
        Append(problems, "Handlers without a row in AuthorizationMatrix (add one with each actor's expected outcome):", missing);
        Append(problems, "Rows for handlers the app does not have (renamed or removed?):", stale);
        Append(problems, "Rows listed twice:", duplicated);
        Assert.True(problems.Length == 0, problems.ToString());
        Assert.Contains(new HandlerKey("/Filings/Edit", "POST", "Submit"), discovered); // the discovery itself works
    }

    [Fact]
    public async Task Every_actor_gets_the_expected_outcome_from_every_handler()
    {
        var scenario = await MatrixScenario.CreateAsync(app);
        var clients = new Dictionary<Actor, PortalClient> { [Actor.Anonymous] = app.Anonymous() };
        foreach (var (actor, user) in scenario.Users)
        {
            clients[actor] = await app.LoginAsync(user);
        }

        var mismatches = new List<string>();
        try
        {
            foreach (var row in AuthorizationMatrix.Rows)
            {
                var url = row.Url(scenario);
                Assert.True(NamesItsHandler(row.Key, url), $"{row.Key}: the URL {url} does not select handler {row.Key.Handler}.");
                foreach (var actor in Enum.GetValues<Actor>())
                {
                    var fresh = row.FreshSession && actor != Actor.Anonymous;
                    var client = fresh ? await app.LoginAsync(scenario.Users[actor]) : clients[actor];
                    try
                    {
                        using var response = await SendAsync(client, row, url, scenario);
                        var (actual, detail) = await ClassifyAsync(response);
                        if (actual != row.ExpectedFor(actor))
                        {
                            mismatches.Add($"| {row.Key,-45} | {actor,-18} | {row.ExpectedFor(actor),-13} | {detail}");
                        }
                    }
                    finally
                    {
                        if (fresh)
                        {
                            client.Dispose();
                            // Logging out renews the account's security stamp, which ends its other sessions too.
                            clients[actor].Dispose();
                            clients[actor] = await app.LoginAsync(scenario.Users[actor]);
                        }
                    }
                }
            }

            // Lists open to every actor of a role must show only the actor's own rows.
            var projectNumber = scenario.Graph.Project.ProjectNumber;
            await CheckListAsync(mismatches, clients, Actor.ApplicantOrganizer, "/Projects", projectNumber, shown: true);
            await CheckListAsync(mismatches, clients, Actor.OtherOrganizer, "/Projects", projectNumber, shown: false);
            await CheckListAsync(mismatches, clients, Actor.Trainee, "/Enrollments/Mine", projectNumber, shown: true);
            await CheckListAsync(mismatches, clients, Actor.OtherTrainee, "/Enrollments/Mine", projectNumber, shown: false);
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        Assert.True(
            mismatches.Count == 0,
            $"{mismatches.Count} mismatch(es) in {AuthorizationMatrix.Rows.Count} rows × {Enum.GetValues<Actor>().Length} actors (and the list-row checks):\n"
            + $"| {"handler",-45} | {"actor",-18} | {"expected",-13} | got\n"
            + string.Join('\n', mismatches));
    }

    private static async Task CheckListAsync(
        List<string> mismatches, Dictionary<Actor, PortalClient> clients, Actor actor, string url, string text, bool shown)
    {
        var html = WebUtility.HtmlDecode(await clients[actor].GetPageAsync(url));
        if (html.Contains(text, StringComparison.Ordinal) != shown)
        {
            mismatches.Add($"| {$"GET  {url} (rows)",-45} | {actor,-18} | {(shown ? "shows" : "hides"),-13} | {(shown ? "hides" : "shows")} project {text}");
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(PortalClient client, MatrixRow row, string url, MatrixScenario scenario) =>
        row.Key.Method switch
        {
            "GET" => await client.GetAsync(url),
            // A fresh token from a page every actor may open, read with this actor's own cookies right before the post.
            "POST" => await client.PostFormAsync(url, row.Form?.Invoke(scenario) ?? new Dictionary<string, string>(), formPage: TokenPage),
            _ => throw new NotSupportedException(row.Key.Method),
        };

    private static async Task<(Outcome? Outcome, string Detail)> ClassifyAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        Outcome? outcome = status switch
        {
            >= 200 and < 300 => Outcome.Allowed,
            >= 300 and < 400 when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => Outcome.LoginRedirect,
            >= 300 and < 400 when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => Outcome.Forbidden,
            >= 300 and < 400 => Outcome.Allowed,
            403 => Outcome.Forbidden,
            404 => Outcome.NotFound,
            _ => null,
        };

        var detail = $"{status}{(location.Length > 0 ? $" → {location}" : string.Empty)}";
        if (outcome is null)
        {
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ReplaceLineEndings(" ");
            detail += $" (unexpected status) {body[..Math.Min(body.Length, 300)]}";
        }

        return (outcome, outcome is null ? detail : $"{outcome} ({detail})");
    }

    /// <summary>A handler is selected by <c>handler=Name</c> in the query or by the page route's handler segment.</summary>
    private static bool NamesItsHandler(HandlerKey key, string url)
    {
        var path = url.Split('?')[0];
        var query = url.Contains('?') ? url[(url.IndexOf('?') + 1)..] : string.Empty;
        var selected = query.Split('&').FirstOrDefault(p => p.StartsWith("handler=", StringComparison.OrdinalIgnoreCase))?["handler=".Length..]
            ?? (path.EndsWith($"/{key.Handler}", StringComparison.OrdinalIgnoreCase) ? key.Handler : null);
        return string.Equals(selected, key.Handler, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Every routed Razor page (from the app's endpoints) and the handler methods of its PageModel, found by reflection
    /// the way Razor Pages finds them: public instance <c>On{Verb}{Name}[Async]</c>.
    /// </summary>
    private async Task<HashSet<HandlerKey>> DiscoverHandlersAsync()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var loader = app.Services.GetRequiredService<PageLoader>();
        var pages = endpoints
            .Select(endpoint => (Endpoint: endpoint, Page: endpoint.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .GroupBy(x => x.Page!.ViewEnginePath)
            .ToList();
        Assert.NotEmpty(pages);

        var keys = new HashSet<HandlerKey>();
        foreach (var page in pages)
        {
            var (endpoint, descriptor) = page.First();
            var compiled = await loader.LoadAsync(descriptor!, endpoint.Metadata);
            var handlers = compiled.HandlerTypeInfo
                .GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(method => !method.IsSpecialName && !method.IsDefined(typeof(NonHandlerAttribute)))
                .Select(method => HandlerMethod().Match(method.Name))
                .Where(match => match.Success)
                .Select(match => new HandlerKey(
                    page.Key,
                    match.Groups["verb"].Value.ToUpperInvariant(),
                    match.Groups["name"].Value is { Length: > 0 } name ? name : null));
            keys.UnionWith(handlers);
        }

        return keys;
    }

    private static void Append(StringBuilder problems, string title, IReadOnlyCollection<HandlerKey> keys)
    {
        if (keys.Count > 0)
        {
            problems.AppendLine(title);
            foreach (var key in keys)
            {
                problems.AppendLine($"  {key}");
            }
        }
    }

    [GeneratedRegex("^On(?<verb>Get|Post|Put|Delete|Patch)(?<name>\\w*?)(Async)?$")]
    private static partial Regex HandlerMethod();

    private sealed class KeyOrder : IComparer<HandlerKey>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(HandlerKey? x, HandlerKey? y) =>
            StringComparer.Ordinal.Compare(x?.ToString(), y?.ToString());
    }
}
