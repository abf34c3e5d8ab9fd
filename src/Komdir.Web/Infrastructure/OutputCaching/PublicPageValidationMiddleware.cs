using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>
/// Gives public pages an ETag (a hash of the body) and the configured Cache-Control, and answers a matching
/// If-None-Match with 304. It sits inside the output cache, so cached entries carry their ETag and the output
/// cache answers repeat visits with 304 itself; this middleware answers them on a cache miss.
/// </summary>
public sealed class PublicPageValidationMiddleware(RequestDelegate next, IOptions<OutputCachingOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!PublicPageCacheRules.IsCacheableRequest(context))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (PublicPageCacheRules.IsCacheableResponse(context) && !context.Response.Headers.ContainsKey(HeaderNames.ETag))
        {
            // Weak: the same page compressed or not is the same resource to the reader.
            var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32]}\"";
            context.Response.Headers.ETag = etag;
            if (string.IsNullOrEmpty(context.Response.Headers.CacheControl))
            {
                context.Response.Headers.CacheControl = options.Value.PublicCacheControl;
            }

            if (IfNoneMatchMatches(context.Request, etag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                return;
            }
        }

        buffer.Position = 0;
        if (buffer.Length == 0)
        {
            // Nothing written (e.g. a 404 whose page comes from the status-code re-execution): a Content-Length
            // would tell that middleware the response is complete, and the reader would get an empty page.
            return;
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentLength = buffer.Length;
        }

        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static bool IfNoneMatchMatches(HttpRequest request, string etag)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        if (string.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }

        var opaque = etag[2..];
        return ifNoneMatch.Split(',').Select(v => v.Trim()).Any(v => v == "*" || v == etag || v == opaque || v == "W/" + opaque);
    }
}
