using Microsoft.AspNetCore.Diagnostics;
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

        if (request.Cookies.Keys.Any(name => !string.Equals(name, AntiforgeryCookie, StringComparison.Ordinal)))
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
