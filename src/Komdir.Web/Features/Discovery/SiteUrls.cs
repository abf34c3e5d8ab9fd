using Microsoft.Extensions.Options;

namespace Komdir.Web.Features.Discovery;

/// <summary>Settings for absolute links; "Site:BaseUrl" wins over the request's own host (behind a proxy, say).</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>e.g. "https://www.komdir.dk"; empty means "the scheme and host of the request".</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>Turns site paths into absolute URLs for feeds, sitemaps, canonical links and citations.</summary>
public sealed class SiteUrls(IHttpContextAccessor httpContextAccessor, IOptions<SiteOptions> options)
{
    /// <summary>"https://host" without a trailing slash; empty when neither a base URL nor a request is known.</summary>
    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl))
            {
                return options.Value.BaseUrl.Trim().TrimEnd('/');
            }

            var request = httpContextAccessor.HttpContext?.Request;
            return request is null ? "" : $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}".TrimEnd('/');
        }
    }

    public string Absolute(string? path)
    {
        var relative = string.IsNullOrEmpty(path) ? "/" : path.StartsWith('/') ? path : "/" + path;
        return BaseUrl + relative;
    }
}
