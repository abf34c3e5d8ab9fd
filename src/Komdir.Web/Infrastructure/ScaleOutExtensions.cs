using System.Net;
using Komdir.Cms.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Komdir.Web.Infrastructure;

/// <summary>Running several nodes behind a reverse proxy or CDN.</summary>
public static class ScaleOutExtensions
{
    public const string ForwardedHeadersSection = "ForwardedHeaders";

    /// <summary>
    /// Data-protection keys live in the database under one application name, so a sign-in cookie or antiforgery
    /// token issued by one node is valid on every node. Proxies to trust are read from "ForwardedHeaders".
    /// </summary>
    public static IServiceCollection AddKomdirScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("Komdir").PersistKeysToDbContext<CmsDbContext>();

        var section = configuration.GetSection(ForwardedHeadersSection);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.ForwardLimit = section.GetValue<int?>("ForwardLimit") ?? 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            foreach (var host in section.GetSection("AllowedHosts").Get<string[]>() ?? [])
            {
                options.AllowedHosts.Add(host);
            }
        });
        return services;
    }

    /// <summary>
    /// Trusts X-Forwarded-For/-Proto/-Host only from the configured proxies; with none configured the headers are
    /// ignored, so a reader cannot spoof their address or scheme.
    /// </summary>
    public static WebApplication UseKomdirForwardedHeaders(this WebApplication app)
    {
        var section = app.Configuration.GetSection(ForwardedHeadersSection);
        if (section.GetSection("KnownProxies").Get<string[]>() is { Length: > 0 } || section.GetSection("KnownNetworks").Get<string[]>() is { Length: > 0 })
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
