using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ResearchPortal.Web.Tests.Deployment;

/// <summary>One portal instance as an operator runs it: <c>dotnet ResearchPortal.Web.dll</c> on a loopback port of its own.</summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _contentRoot;

    private PortalProcess(Process process, int port, string contentRoot)
    {
        _process = process;
        Port = port;
        _contentRoot = contentRoot;
    }

    public int Port { get; }

    /// <summary>Everything the instance printed so far (its JSON log lines).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static PortalProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreeTcpPort();
        var contentRoot = Directory.CreateTempSubdirectory("rp-instance-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = contentRoot,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ResearchPortal.Web.dll"));
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var instance = new PortalProcess(process, port, contentRoot);
        process.OutputDataReceived += (_, line) => instance.Append(line.Data);
        process.ErrorDataReceived += (_, line) => instance.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    /// <summary>True once <c>/healthz/ready</c> answers 200 (as it does behind nginx: scheme https).</summary>
    public async Task<bool> IsReadyAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{Port}/healthz/ready");
        request.Headers.Add("X-Forwarded-Proto", "https");
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Waits until ready; fails with the instance's output after <paramref name="limit"/>.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!await IsReadyAsync(http))
        {
            Assert.False(_process.HasExited, $"The instance on port {Port} exited:{Environment.NewLine}{Output}");
            Assert.True(clock.Elapsed < limit, $"The instance on port {Port} was not ready within {limit}:{Environment.NewLine}{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Ends the instance at once, as a crash or an OOM kill would.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        Directory.Delete(_contentRoot, recursive: true);
    }

    public static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
