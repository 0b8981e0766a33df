using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ResearchPortal.Web.Tests.Deployment;

/// <summary>
/// Debian's nginx (<c>nginx-light</c>, installed by test.sh) in front of portal instances, configured as
/// ops/nginx.conf: TLS, X-Forwarded-For/-Proto from the connection, <c>proxy_next_upstream</c> to the other instance.
/// Its own process and folder; each response names the instance that served it in <see cref="UpstreamHeader"/>.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    public const string UpstreamHeader = "X-Upstream";
    private const string Program = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<NginxProxy> StartAsync(IEnumerable<int> instancePorts)
    {
        var folder = Directory.CreateTempSubdirectory("rp-nginx-").FullName;
        // nginx's workers (user nobody when started as root) write their temporary files here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        WriteSelfSignedCertificate(folder);
        var port = PortalProcess.FreeTcpPort();
        var servers = string.Concat(instancePorts.Select(p => $"        server 127.0.0.1:{p} max_fails=3 fail_timeout=10s;\n"));
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream portal {
            {{servers}}        keepalive 16;
                }
                server {
                    listen 127.0.0.1:{{port}} ssl;
                    ssl_certificate {{folder}}/tls.crt;
                    ssl_certificate_key {{folder}}/tls.key;
                    location / {
                        proxy_pass http://portal;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $remote_addr;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_next_upstream error timeout http_502 http_503;
                        proxy_next_upstream_tries 2;
                        proxy_connect_timeout 2s;
                        add_header {{UpstreamHeader}} $upstream_addr always;
                    }
                }
            }
            """);

        var info = new ProcessStartInfo(Program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-c", config, "-p", folder])
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("nginx did not start.");
        var proxy = new NginxProxy(process, folder, port);
        for (var attempt = 0; !await proxy.IsListeningAsync(); attempt++)
        {
            if (process.HasExited || attempt > 100)
            {
                var log = File.Exists(Path.Combine(folder, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "error.log")) : "";
                proxy.Dispose();
                throw new InvalidOperationException($"nginx did not start: {await process.StandardError.ReadToEndAsync()} {log}");
            }

            await Task.Delay(50);
        }

        return proxy;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<bool> IsListeningAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void WriteSelfSignedCertificate(string folder)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "tls.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "tls.key"), rsa.ExportPkcs8PrivateKeyPem());
    }
}
