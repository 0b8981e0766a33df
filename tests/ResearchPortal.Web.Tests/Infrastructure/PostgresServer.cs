using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace ResearchPortal.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server shared by every test in the process.
/// <para>
/// On first use it finds <c>initdb</c>/<c>pg_ctl</c> (env <c>PG_BIN</c>, else the highest version under
/// <c>/usr/lib/postgresql/*/bin</c>), initialises a cluster in a temporary folder and starts it on a free
/// loopback port with durability switched off. When the process runs as root, the cluster is owned by and
/// run as the <c>postgres</c> user (initdb refuses root). The server is stopped and its folder deleted when
/// the process exits.
/// </para>
/// <para>
/// If env <c>RESEARCHPORTAL_TEST_PG</c> holds an Npgsql connection string (a superuser or a role that may
/// CREATE DATABASE), that server is used instead and nothing is started.
/// </para>
/// Tests call <see cref="CreateDatabaseAsync"/> for a brand-new empty database of their own.
/// </summary>
public sealed class PostgresServer
{
    public const string ExternalServerVariable = "RESEARCHPORTAL_TEST_PG";
    public const string BinFolderVariable = "PG_BIN";
    private const string RunUser = "postgres";
    private const string RunUserTool = "/usr/sbin/runuser";

    private static readonly Lazy<PostgresServer> LazyInstance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _adminConnectionString;
    private readonly string? _binFolder;
    private readonly string? _rootFolder;
    private readonly bool _runAsPostgres;
    private readonly string _serverOptions;
    private int _stopped;

    private PostgresServer(string adminConnectionString, string? binFolder, string? rootFolder, bool runAsPostgres, TimeSpan startupTime, string serverOptions = "")
    {
        _adminConnectionString = adminConnectionString;
        _binFolder = binFolder;
        _rootFolder = rootFolder;
        _runAsPostgres = runAsPostgres;
        _serverOptions = serverOptions;
        StartupTime = startupTime;
    }

    /// <summary>The process-wide server, started on first access.</summary>
    public static PostgresServer Instance => LazyInstance.Value;

    /// <summary>True when this process started its own server (false with <c>RESEARCHPORTAL_TEST_PG</c>).</summary>
    public bool IsOwnServer => _rootFolder is not null;

    /// <summary>How long initdb + start took (zero for an external server).</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>The folder of the server's programs and client tools (pg_dump, pg_restore, psql); null for an
    /// external server, whose tools are then looked up on the PATH.</summary>
    public string? BinFolder => _binFolder;

    /// <summary>Connection string to the maintenance database (<c>postgres</c>).</summary>
    public string AdminConnectionString => _adminConnectionString;

    /// <summary>Creates a brand-new database, empty or a copy of the database named <paramref name="template"/> (which
    /// nobody may be connected to), and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, string? template = null, CancellationToken cancellationToken = default)
    {
        var name = UniqueDatabaseName(prefix);
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var command = new NpgsqlCommand(template is null ? $"CREATE DATABASE \"{name}\" ENCODING 'UTF8'" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    break;
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
                {
                    // "source database template1 is being accessed by other users": retry shortly.
                    await Task.Delay(100 * attempt, cancellationToken);
                }
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name };
        return builder.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its pooled connections.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        if (name is "postgres" or "template0" or "template1")
        {
            throw new ArgumentException($"Refusing to drop the system database '{name}'.", nameof(connectionString));
        }

        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"")}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string UniqueDatabaseName(string? prefix)
    {
        var clean = new StringBuilder();
        foreach (var c in (prefix ?? "test").ToLowerInvariant())
        {
            if (clean.Length >= 30)
            {
                break;
            }

            clean.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        if (clean.Length == 0 || char.IsDigit(clean[0]))
        {
            clean.Insert(0, 't');
        }

        return $"{clean}_{Guid.NewGuid():N}"; // at most 30 + 1 + 32 = 63 characters, PostgreSQL's limit
    }

    /// <summary>
    /// A cluster of the caller's own (never the external server), for a test that stops and restarts PostgreSQL
    /// without disturbing the tests that share <see cref="Instance"/>. <see cref="Stop"/> it when done.
    /// </summary>
    public static PostgresServer StartSeparate() => StartOwn();

    /// <summary>Shuts the server down as an outage would (its folder stays; <see cref="Resume"/> starts it again).</summary>
    public void Halt() => Run(Path.Combine(OwnBinFolder, "pg_ctl"), ["-D", Path.Combine(_rootFolder!, "data"), "-m", "fast", "-w", "stop"], _runAsPostgres);

    /// <summary>Starts a halted server again on its port.</summary>
    public void Resume() =>
        Run(Path.Combine(OwnBinFolder, "pg_ctl"),
            ["-D", Path.Combine(_rootFolder!, "data"), "-l", Path.Combine(_rootFolder!, "server.log"), "-o", _serverOptions, "-w", "-t", "60", "start"],
            _runAsPostgres);

    private string OwnBinFolder => _rootFolder is not null && _binFolder is not null
        ? _binFolder
        : throw new InvalidOperationException("Only a server this process started can be halted or resumed.");

    private static PostgresServer Start()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var builder = new NpgsqlConnectionStringBuilder(external);
            if (string.IsNullOrEmpty(builder.Database))
            {
                builder.Database = "postgres";
            }

            return new PostgresServer(builder.ConnectionString, null, null, false, TimeSpan.Zero);
        }

        return StartOwn();
    }

    private static PostgresServer StartOwn()
    {
        var stopwatch = Stopwatch.StartNew();
        var bin = FindBinFolder();
        var runAsPostgres = IsRoot();

        // As root the folder must be reachable by the postgres user, so stay out of a private TMPDIR.
        var tempBase = runAsPostgres ? "/tmp" : Path.GetTempPath();
        var root = Path.Combine(tempBase, "rp-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var dataFolder = Path.Combine(root, "data");
        var logFile = Path.Combine(root, "server.log");

        try
        {
            if (runAsPostgres)
            {
                Run("/bin/chown", [$"{RunUser}:{RunUser}", root], asPostgres: false);
            }

            Run(Path.Combine(bin, "initdb"),
                ["-D", dataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                runAsPostgres);

            // A free port can be taken by someone else between probing and binding: try a few.
            Exception? lastError = null;
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var port = FreeTcpPort();
                var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off " +
                              "-c full_page_writes=off -c max_connections=300";
                try
                {
                    Run(Path.Combine(bin, "pg_ctl"), ["-D", dataFolder, "-l", logFile, "-o", options, "-w", "-t", "60", "start"], runAsPostgres);
                }
                catch (InvalidOperationException ex)
                {
                    lastError = ex;
                    continue;
                }

                var admin = new NpgsqlConnectionStringBuilder
                {
                    Host = "127.0.0.1",
                    Port = port,
                    Username = "postgres",
                    Database = "postgres",
                    Pooling = true,
                    MaxPoolSize = 20,
                    Timeout = 30,
                    CommandTimeout = 120,
                }.ConnectionString;

                stopwatch.Stop();
                var server = new PostgresServer(admin, bin, root, runAsPostgres, stopwatch.Elapsed, options);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
                StartWatchdog(bin, dataFolder, root, runAsPostgres);
                return server;
            }

            throw new InvalidOperationException(
                $"PostgreSQL did not start. Log ({logFile}):{Environment.NewLine}{SafeRead(logFile)}", lastError);
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    /// <summary>Stops the server for good and deletes its folder (also done when the process exits).</summary>
    public void Stop()
    {
        if (_rootFolder is null || _binFolder is null || Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            NpgsqlConnection.ClearAllPools();
        }
        catch (Exception)
        {
            // Best effort: the server is about to go away anyway.
        }

        try
        {
            Run(Path.Combine(_binFolder, "pg_ctl"), ["-D", Path.Combine(_rootFolder, "data"), "-m", "immediate", "-w", "stop"], _runAsPostgres);
        }
        catch (Exception)
        {
            // Best effort on process exit.
        }

        TryDelete(_rootFolder);
    }

    /// <summary>
    /// The test host may be killed before (or while) ProcessExit runs: a detached shell waits for this process
    /// to end, then stops the server and deletes its folder, whatever way the process ended.
    /// </summary>
    private static void StartWatchdog(string bin, string dataFolder, string root, bool runAsPostgres)
    {
        const string script =
            "exec </dev/null >/dev/null 2>&1; " +
            "while kill -0 \"$1\"; do sleep 1; done; " +
            "if [ \"$5\" = yes ]; then " + RunUserTool + " -u " + RunUser + " -- \"$2/pg_ctl\" -D \"$3\" -m immediate -w stop; " +
            "else \"$2/pg_ctl\" -D \"$3\" -m immediate -w stop; fi; " +
            "rm -rf -- \"$4\"";
        try
        {
            var info = new ProcessStartInfo
            {
                FileName = "/usr/bin/setsid",
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = "/",
            };
            foreach (var argument in (string[])["-f", "/bin/sh", "-c", script, "pg-watchdog",
                         Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                         bin, dataFolder, root, runAsPostgres ? "yes" : "no"])
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info);
            process?.StandardInput.Close();
            process?.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // No setsid: the ProcessExit handler still stops the server on a normal exit.
        }
    }

    private static string FindBinFolder()
    {
        var fromEnv = Environment.GetEnvironmentVariable(BinFolderVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            if (!File.Exists(Path.Combine(fromEnv, "initdb")))
            {
                throw new InvalidOperationException($"{BinFolderVariable}={fromEnv} has no initdb.");
            }

            return fromEnv;
        }

        const string baseFolder = "/usr/lib/postgresql";
        var best = Directory.Exists(baseFolder)
            ? Directory.GetDirectories(baseFolder)
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
                .Where(c => c.Version is not null && File.Exists(Path.Combine(c.Folder, "initdb")) && File.Exists(Path.Combine(c.Folder, "pg_ctl")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Folder)
                .FirstOrDefault()
            : null;

        return best ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Run ./test.sh (it installs the " +
            $"'postgresql' package), set {BinFolderVariable} to a folder holding initdb and pg_ctl, or set " +
            $"{ExternalServerVariable} to the connection string of an existing server.");
    }

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var v) ? v : null;

    private static bool IsRoot()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }

        return string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
    }

    private static int FreeTcpPort()
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

    private static void Run(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo
        {
            FileName = asPostgres ? RunUserTool : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asPostgres)
        {
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(RunUser);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["LC_ALL"] = "C.UTF-8";
        info.Environment["LANG"] = "C.UTF-8";
        info.Environment.Remove("PGDATA");
        info.Environment.Remove("PGPORT");
        info.Environment.Remove("PGHOST");

        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} timed out.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:{Environment.NewLine}" +
                $"{stdout.Result}{Environment.NewLine}{stderr.Result}");
        }
    }

    private static string SafeRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "(no log)";
        }
        catch (Exception ex)
        {
            return $"(log unreadable: {ex.Message})";
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception)
        {
            // Leaving a folder in /tmp behind is not worth failing a test run.
        }
    }
}
