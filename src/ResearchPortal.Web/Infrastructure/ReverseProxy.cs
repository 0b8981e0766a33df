using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>
/// Behind nginx the client's address and scheme arrive in X-Forwarded-For / X-Forwarded-Proto, trusted only from
/// the proxies named in <c>ReverseProxy:KnownProxies</c> (addresses) and <c>ReverseProxy:KnownNetworks</c> (CIDR);
/// without either, only a proxy on the same machine (loopback) is trusted. Production also refuses to start while
/// <c>AllowedHosts</c> accepts any host.
/// </summary>
public static class ReverseProxy
{
    public const string SectionName = "ReverseProxy";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsProduction() && configuration["AllowedHosts"] is null or "" or "*")
        {
            throw new InvalidOperationException(
                "启动被拒绝：生产环境必须把 AllowedHosts 设为门户的域名（例如 yanxiu.example.cn），不能接受任意主机名。");
        }

        var proxies = configuration.GetSection($"{SectionName}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{SectionName}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Length + networks.Length > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in networks)
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }
        });
        return services;
    }
}
