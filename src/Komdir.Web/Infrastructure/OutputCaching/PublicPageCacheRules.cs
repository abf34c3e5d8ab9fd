using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>
/// Which requests and responses may be shared between readers. Everything personal is excluded: signed-in users
/// (any cookie but the antiforgery one), the backoffice, previews, error pages, and any response that sets a cookie,
/// carries an antiforgery token (antiforgery marks those no-store) or is not a plain 200.
/// </summary>
public static class PublicPageCacheRules
{
    /// <summary>Tag on every cached page: navigation and lists show other pages, so a site-wide change evicts it.</summary>
    public const string SiteTag = "komdir:site";

    private const string AntiforgeryCookie = "komdir.af";

    // The Delivery API is left out: its answers depend on the order of repeated query values (items?id=a&id=b),
    // which the output cache's key normalises away.
    private static readonly string[] ExcludedPrefixes = ["/umbraco", "/backoffice", "/_framework", "/_blazor", "/_content", "/healthz", "/fejl", "/konto", "/account", "/preview", "/forhaandsvisning", "/media"];

    public static string PageTag(Guid key) => $"komdir:node:{key:N}";

    public static bool IsCacheableRequest(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        if (ExcludedPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // Static assets have their own fingerprinted, immutable caching.
        if (Path.HasExtension(request.Path.Value))
        {
            return false;
        }

        if (request.Query.ContainsKey("preview") || request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return false;
        }

        if (!HasOnlyAnonymousCookies(request))
        {
            return false;
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            return false;
        }

        // A re-executed error page or exception page is never the page the path names.
        return context.Features.Get<IStatusCodeReExecuteFeature>() is null && context.Features.Get<IExceptionHandlerFeature>() is null;
    }

    /// <summary>
    /// True when the request carries no cookie but the antiforgery one. Any other cookie may be a sign-in (or a
    /// future preference), so such a request is never served a shared page nor lets its page be shared.
    /// </summary>
    public static bool HasOnlyAnonymousCookies(HttpRequest request) =>
        request.Cookies.Keys.All(name => string.Equals(name, AntiforgeryCookie, StringComparison.Ordinal));

    /// <summary>If-None-Match holds the page's ETag (weak comparison) or "*".</summary>
    public static bool IfNoneMatchMatches(HttpRequest request, string etag)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }

        var opaque = etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
        foreach (var value in ifNoneMatch)
        {
            foreach (var candidate in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (candidate == "*" || candidate == opaque || candidate == "W/" + opaque)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool IsCacheableResponse(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            return false;
        }

        var cacheControl = response.Headers.CacheControl.ToString();
        return !cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            && !cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase);
    }
}
