using System.Diagnostics;
using System.Globalization;

namespace ResearchPortal.Benchmarks.PageLoad;

/// <summary>One wrk run's figures; a response other than 200 (a redirect to the log-in page, an error page) and a
/// socket error or timeout are counted, because a benchmark of error pages must not look fast.</summary>
internal sealed record WrkResult(long Requests, double Seconds, double P99Milliseconds, long NotOk, long SocketErrors)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>Runs <c>wrk</c> (RECIPES.md: <c>wrk -t2 -c32 -d15s --latency</c>) with the cookie set by a Lua script that
/// also counts statuses other than 200 and prints one line of results.</summary>
internal static class Wrk
{
    private const string Script = """
        local threads = {}
        function setup(thread) table.insert(threads, thread) end
        function init(args)
          not_ok = 0
          if args[1] ~= nil and args[1] ~= "" then wrk.headers["Cookie"] = args[1] end
        end
        function response(status, headers, body)
          if status ~= 200 then not_ok = not_ok + 1 end
        end
        function done(summary, latency, requests)
          local total = 0
          for _, thread in ipairs(threads) do total = total + thread:get("not_ok") end
          local e = summary.errors
          io.write(string.format("RESULT %d %d %d %d %d\n", summary.requests, summary.duration, latency:percentile(99),
            total, e.connect + e.read + e.write + e.timeout))
        end
        """;

    private static readonly Lazy<string> ScriptPath = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"rp-bench-{Environment.ProcessId}.lua");
        File.WriteAllText(path, Script);
        return path;
    });

    public static async Task<WrkResult> RunAsync(Uri url, string? cookie, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency",
                     "--timeout", "60s", // the default 2 s would drop the slowest pages' requests from the latencies
                     "-s", ScriptPath.Value, url.ToString(), "--", cookie ?? string.Empty,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        var errors = await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk gave no result (exit {wrk.ExitCode}): {output} {errors}");
        var f = line.Split(' ').Skip(1).Select(value => long.Parse(value, CultureInfo.InvariantCulture)).ToArray();
        return new WrkResult(f[0], f[1] / 1e6, f[2] / 1e3, f[3], f[4]);
    }
}
