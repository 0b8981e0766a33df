using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using ResearchPortal.Benchmarks.Pages.Benchmark;
using ResearchPortal.Web.Tests.Infrastructure;

namespace ResearchPortal.Benchmarks.PageLoad;

/// <summary>
/// Issue 8's page benchmark: provincial volume on PostgreSQL, the list pages measured with wrk at 32 connections in
/// interleaved rounds against a one-query baseline page served by the same portal process, and the process's memory.
/// Prints a Markdown table with pass/fail against the targets; exits 1 when a page answered anything but 200.
/// </summary>
internal static partial class PageBenchmark
{
    /// <summary>Each page ≥ 60 % of the baseline's requests/s.</summary>
    private const double MinShareOfBaseline = 0.60;

    /// <summary>Each page's p99 ≤ 2 × the baseline's.</summary>
    private const double MaxP99Ratio = 2.0;

    /// <summary>Steady resident memory after the runs.</summary>
    private const double MaxRssMegabytes = 250;

    private sealed record Options(int Rounds, TimeSpan Duration, TimeSpan Warmup, int Connections, bool Hold)
    {
        public static Options Parse(IReadOnlyList<string> args)
        {
            string Value(string name, string fallback) =>
                args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
            int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            return new(Number("--rounds", 3), TimeSpan.FromSeconds(Number("--duration", 15)), TimeSpan.FromSeconds(Number("--warmup", 3)), Number("--connections", 32), args.Contains("--hold"));
        }
    }

    private enum Visitor { Anonymous, Reviewer, Host }

    private sealed record PageUnderTest(string Name, string Path, Visitor Visitor);

    private sealed record Measurement(PageUnderTest Page, int Round, WrkResult Result, long AllocatedBytes)
    {
        /// <summary>Managed bytes allocated by the whole process during the run, per request answered.</summary>
        public double AllocatedPerRequest => Result.Requests == 0 ? double.NaN : (double)AllocatedBytes / Result.Requests;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        if (!GCSettings.IsServerGC)
        {
            return await RerunWithServerGcAsync(args);
        }

        var options = Options.Parse(args);
        Console.WriteLine($"Page benchmark: {options.Rounds} round(s) of {options.Duration.TotalSeconds:0} s per page at {options.Connections} connections, server GC, {Environment.ProcessorCount} cores.");
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("pagebench");
        try
        {
            var seeding = Stopwatch.StartNew();
            var volume = await SeedInOwnProcessAsync(connectionString);
            Console.WriteLine($"Seeded {VolumeScale.Provincial} in {seeding.Elapsed.TotalSeconds:0.0} s.");
            await VacuumAnalyzeAsync(connectionString);

            await using var portal = new BenchmarkPortal(connectionString);
            portal.Start();
            var startRss = ResidentMegabytes();
            var peakRss = new PeakResidentMemory();

            PageUnderTest baseline = new("baseline (1 query, 12 rows)", BaselineModel.Path, Visitor.Reviewer);
            PageUnderTest[] pages =
            [
                new("/Projects (reviewer, all projects)", "/Projects", Visitor.Reviewer),
                new("/Review/Filings (reviewer)", "/Review/Filings", Visitor.Reviewer),
                new($"/Enrollments/Queue ({VolumeScale.Provincial.QueueReceipts:N0} receipts)", $"/Enrollments/Queue?projectId={volume.QueueProjectId}", Visitor.Host),
                new($"/Roster ({VolumeScale.Provincial.RosterSize} trainees)", $"/Roster?projectId={volume.RosterProjectId}", Visitor.Host),
                new("/Seminars (anonymous)", "/Seminars", Visitor.Anonymous),
            ];

            if (options.Hold)
            {
                await HoldForProfilingAsync(portal, volume, pages.Prepend(baseline));
                return 0;
            }

            var sizes = new Dictionary<PageUnderTest, long>();
            foreach (var page in pages.Prepend(baseline))
            {
                sizes[page] = await CheckAnswersAsync(portal, volume, page);
                await MeasureAsync(portal, volume, page, options.Warmup, options.Connections, peakRss); // JIT and caches
            }

            var measurements = new List<Measurement>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var page in pages.Prepend(baseline))
                {
                    var (result, allocated) = await MeasureAsync(portal, volume, page, options.Duration, options.Connections, peakRss);
                    var measurement = new Measurement(page, round, result, allocated);
                    measurements.Add(measurement);
                    Console.WriteLine($"  round {round} {page.Name}: {result.RequestsPerSecond:0.0} req/s, p99 {result.P99Milliseconds:0} ms, " +
                        $"{Megabytes(measurement.AllocatedPerRequest)} allocated per request, {result.NotOk + result.SocketErrors} not 200 or lost");
                }
            }

            await WaitForIdleAsync(portal);
            await Task.Delay(TimeSpan.FromSeconds(5));
            var steadyRss = ResidentMegabytes();
            var memory = $"Resident memory (RSS): {startRss:0} MB after start, peak {peakRss.Megabytes:0} MB during the runs, " +
                $"steady {steadyRss:0} MB 5 s after them";
            return PrintTable(baseline, pages, measurements, sizes, memory, steadyRss);
        }
        finally
        {
            await PostgresServer.Instance.DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>
    /// <c>--hold</c>: the seeded portal stays up for a profiler or a hand-run wrk; prints each page's address and a
    /// signed-in cookie, and serves until the process is stopped.
    /// </summary>
    private static async Task HoldForProfilingAsync(BenchmarkPortal portal, SeededVolume volume, IEnumerable<PageUnderTest> pages)
    {
        foreach (var page in pages)
        {
            Console.WriteLine($"{new Uri(portal.BaseAddress, page.Path)}\t{await CookieForAsync(portal, volume, page.Visitor)}");
        }

        Console.WriteLine($"Serving as process {Environment.ProcessId} until stopped.");
        await Task.Delay(Timeout.Infinite);
    }

    /// <summary>
    /// What autovacuum does to a live database soon after a bulk load: planner statistics for the seeded tables (without
    /// them PostgreSQL guesses row counts and may pick a join order that sorts whole tables) and the visibility map that
    /// lets counts be read from an index alone.
    /// </summary>
    private static async Task VacuumAnalyzeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A transaction the portal still had open when the seeding ended (a background pass, a log-in) keeps VACUUM
        // from marking the new rows visible to all; autovacuum would come back, so does this, for up to 10 s.
        for (var attempt = 1; ; attempt++)
        {
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 };
            await vacuum.ExecuteNonQueryAsync();
            await using var visible = new NpgsqlCommand(
                "SELECT coalesce(min(relallvisible::float / relpages), 1) FROM pg_class WHERE relpages > 0 AND relname IN " +
                "('PlanProjects', 'Filings', 'CloseOuts', 'Organizations', 'EnrollmentReceipts', 'RosterEntries')",
                connection);
            if ((double)(await visible.ExecuteScalarAsync())! >= 0.9 || attempt == 10)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// The <c>pages-seed</c> command: seeds provincial volume through a portal of its own and prints what the
    /// measuring process needs. Seeding runs in its own process so that the portal measured holds only what serving
    /// the pages needs (the seeding's unit-of-work code and entities are not the portal's memory).
    /// </summary>
    public static async Task<int> SeedAsync(string connectionString)
    {
        await using var portal = new BenchmarkPortal(connectionString);
        portal.Start();
        var volume = await ProvincialVolume.SeedAsync(portal.Services, VolumeScale.Provincial);
        Console.WriteLine(SeededPrefix + JsonSerializer.Serialize(volume));
        return 0;
    }

    private const string SeededPrefix = "Seeded volume: ";

    private static async Task<SeededVolume> SeedInOwnProcessAsync(string connectionString)
    {
        using var child = StartSelf(["pages-seed", connectionString], redirectOutput: true);
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith(SeededPrefix, StringComparison.Ordinal));
        return child.ExitCode == 0 && line is not null
            ? JsonSerializer.Deserialize<SeededVolume>(line[SeededPrefix.Length..])!
            : throw new InvalidOperationException($"Seeding failed (exit code {child.ExitCode}):\n{output}");
    }

    /// <summary>The portal's own runtimeconfig asks for server GC (the Web SDK's default); run as it would.</summary>
    private static async Task<int> RerunWithServerGcAsync(string[] args)
    {
        using var child = StartSelf(["pages", .. args], redirectOutput: false, ("DOTNET_gcServer", "1"));
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    /// <summary>This benchmark program again (its apphost, or <c>dotnet</c> with its assembly) with other arguments.</summary>
    private static Process StartSelf(IEnumerable<string> args, bool redirectOutput, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = redirectOutput };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        if (Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        }

        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Environment.ProcessPath}.");
    }

    /// <summary>Before measuring: the page must answer 200 to its visitor (not a log-in redirect or an error page).</summary>
    private static async Task<long> CheckAnswersAsync(BenchmarkPortal portal, SeededVolume volume, PageUnderTest page)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };
        var cookie = await CookieForAsync(portal, volume, page.Visitor);
        using var request = new HttpRequestMessage(HttpMethod.Get, page.Path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? body.LongLength
            : throw new InvalidOperationException($"{page.Path} answered {(int)response.StatusCode} to {page.Visitor}; nothing measured.");
    }

    /// <summary>A fresh log-in per run (the security stamp's periodic check would otherwise differ between runs), after
    /// the previous run's requests have finished; returns the managed bytes allocated during the run.</summary>
    private static async Task<(WrkResult Result, long Allocated)> MeasureAsync(
        BenchmarkPortal portal, SeededVolume volume, PageUnderTest page, TimeSpan duration, int connections, PeakResidentMemory peakRss)
    {
        await WaitForIdleAsync(portal);
        var cookie = await CookieForAsync(portal, volume, page.Visitor);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        using var sampling = peakRss.Sample();
        var result = await Wrk.RunAsync(new Uri(portal.BaseAddress, page.Path), cookie, connections, duration);
        return (result, GC.GetTotalAllocatedBytes() - allocatedBefore);
    }

    /// <summary>wrk leaves when its time is up, but the portal still works on the requests it had accepted.</summary>
    private static async Task WaitForIdleAsync(BenchmarkPortal portal)
    {
        var waiting = Stopwatch.StartNew();
        while (portal.RequestsInFlight > 0)
        {
            await Task.Delay(200);
        }

        if (waiting.Elapsed > TimeSpan.FromSeconds(5))
        {
            Console.WriteLine($"  (waited {waiting.Elapsed.TotalSeconds:0} s for the previous run's requests to finish)");
        }
    }

    private static async Task<string?> CookieForAsync(BenchmarkPortal portal, SeededVolume volume, Visitor visitor)
    {
        if (visitor == Visitor.Anonymous)
        {
            return null;
        }

        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var login = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = visitor == Visitor.Reviewer ? volume.ReviewerEmail : volume.HostEmail,
            ["Input.Password"] = ProvincialVolume.Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Log-in as {visitor} answered {(int)login.StatusCode}, not a redirect.");
        }

        return cookies.GetCookieHeader(portal.BaseAddress);
    }

    private static int PrintTable(
        PageUnderTest baseline, IReadOnlyList<PageUnderTest> pages, IReadOnlyList<Measurement> measurements,
        IReadOnlyDictionary<PageUnderTest, long> sizes, string memory, double steadyRss)
    {
        var rounds = measurements.Max(m => m.Round);
        Measurement Of(PageUnderTest page, int round) => measurements.Single(m => m.Page == page && m.Round == round);
        var failedResponses = measurements.Where(m => m.Result.NotOk + m.Result.SocketErrors > 0).ToList();

        Console.WriteLine();
        Console.WriteLine($"| page | HTML | req/s | share of baseline | p99 | p99 ÷ baseline | allocated per request | result |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var page in pages.Prepend(baseline))
        {
            var runs = Enumerable.Range(1, rounds).Select(round => (Page: Of(page, round), Baseline: Of(baseline, round))).ToList();
            var share = runs.Select(r => r.Page.Result.RequestsPerSecond / r.Baseline.Result.RequestsPerSecond).ToList();
            var p99Ratio = runs.Select(r => P99OrDuration(r.Page.Result) / P99OrDuration(r.Baseline.Result)).ToList();
            var bad = runs.Sum(r => r.Page.Result.NotOk + r.Page.Result.SocketErrors);
            var verdict = bad > 0 ? $"**FAIL: {bad:N0} answers not 200 or lost**"
                : page == baseline ? "—"
                : Median(share) >= MinShareOfBaseline && Median(p99Ratio) <= MaxP99Ratio ? "pass" : "fail";
            Console.WriteLine(
                $"| {page.Name} | {sizes[page] / 1024.0:N0} KiB | {Median(runs.Select(r => r.Page.Result.RequestsPerSecond)):0.0} " +
                $"| {Percent(Median(share))}{Spread(share, Percent)} | {Milliseconds(Median(runs.Select(r => P99OrDuration(r.Page.Result))))} " +
                $"| {Median(p99Ratio):0.0}×{Spread(p99Ratio, v => $"{v:0.0}")} | {Megabytes(Median(runs.Select(r => r.Page.AllocatedPerRequest)))} | {verdict} |");
        }

        Console.WriteLine();
        Console.WriteLine($"{memory} (target ≤ {MaxRssMegabytes:0} MB steady: {(steadyRss <= MaxRssMegabytes ? "pass" : "fail")}). " +
            $"Medians over {rounds} round(s), [min–max] across rounds; targets: ≥ {MinShareOfBaseline:P0} of the baseline's requests/s, p99 ≤ {MaxP99Ratio:0}× the baseline's. " +
            "A p99 shown as the run's duration means fewer requests finished than wrk could time.");
        if (failedResponses.Count > 0)
        {
            Console.Error.WriteLine("Some pages answered other than 200 (or lost requests): their figures measure error pages, not the page.");
            return 1;
        }

        return 0;
    }

    /// <summary>A run in which no request finished has no latency: count it as at least the whole run.</summary>
    private static double P99OrDuration(WrkResult result) => result.Requests == 0 ? result.Seconds * 1000 : result.P99Milliseconds;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Spread(IReadOnlyList<double> values, Func<double, string> format) =>
        values.Count > 1 ? $" [{format(values.Min())}–{format(values.Max())}]" : string.Empty;

    private static string Percent(double share) => share < 0.1 ? $"{share * 100:0.00} %" : $"{share * 100:0} %";

    private static string Megabytes(double bytes) => double.IsNaN(bytes) ? "—" : $"{bytes / (1024 * 1024):0.0} MB";

    private static string Milliseconds(double ms) => ms >= 1000 ? $"{ms / 1000:0.0} s" : $"{ms:0} ms";

    private static double ResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>The highest RSS seen while sampling (every 250 ms during a run).</summary>
    private sealed class PeakResidentMemory
    {
        public double Megabytes { get; private set; }

        public IDisposable Sample()
        {
            var timer = new Timer(_ => Megabytes = Math.Max(Megabytes, ResidentMegabytes()), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
            return timer;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
