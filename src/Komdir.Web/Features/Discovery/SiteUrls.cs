using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Komdir.Web.Features.Discovery;

/// <summary>Settings for absolute links.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The canonical address of the site, e.g. "https://www.example.org": every absolute URL (feed, sitemap, canonical
    /// links, JSON-LD) starts with it. Never taken from the request's Host header, which any client can set.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>The earlier name of <see cref="PublicUrl"/>, still read when PublicUrl is not set.</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>Turns site paths into absolute URLs for feeds, sitemaps, canonical links and citations.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> options, IServer? server)
{
    /// <summary>For a renderer without a server (component tests): the configured address or http://localhost.</summary>
    public SiteUrls(IOptions<SiteOptions> options)
        : this(options, null)
    {
    }

    private const string Fallback = "http://localhost";

    /// <summary>
    /// "https://host" without a trailing slash: Site:PublicUrl, else (a developer's machine) the first address the
    /// server listens on, else http://localhost. Never the request's Host header.
    /// </summary>
    public string BaseUrl
    {
        get
        {
            var configured = !string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? options.Value.PublicUrl : options.Value.BaseUrl;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured.Trim().TrimEnd('/');
            }

            var listening = server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (listening is null || !Uri.TryCreate(listening.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost"), UriKind.Absolute, out var address))
            {
                return Fallback;
            }

            return address.GetLeftPart(UriPartial.Authority);
        }
    }

    public string Absolute(string? path)
    {
        var relative = string.IsNullOrEmpty(path) ? "/" : path.StartsWith('/') ? path : "/" + path;
        return BaseUrl + relative;
    }
}
