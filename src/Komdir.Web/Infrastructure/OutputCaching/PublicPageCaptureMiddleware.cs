using System.IO.Compression;
using System.Security.Cryptography;
using Komdir.Cms.Published;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>
/// Sits just before the endpoints. For a public page it buffers the rendered response, gives it an ETag (a hash of
/// the body) and the configured Cache-Control, answers a matching If-None-Match with 304, and stores the page in the
/// <see cref="PublicPageCache"/> when it may be shared: an anonymous request, a plain 200, no cookie set, no
/// antiforgery token (<see cref="PublicPageCacheRules"/>).
/// </summary>
public sealed class PublicPageCaptureMiddleware(RequestDelegate next, PublicPageCache cache, StaticAssetCache staticAssets, PublishedContentCache published, IOptions<OutputCachingOptions> options)
{
    // Headers that belong to one response on one connection, or that the cache sets itself when it replays a page.
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.TransferEncoding, HeaderNames.Date,
        HeaderNames.Server, HeaderNames.SetCookie, HeaderNames.ETag, HeaderNames.Age, HeaderNames.Vary,
        HeaderNames.Connection, HeaderNames.KeepAlive,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        if (StaticAssetCache.IsCandidate(context))
        {
            await next(context);
            await staticAssets.CaptureAsync(context);
            return;
        }

        if (!PublicPageCacheRules.IsCacheableRequest(context))
        {
            await next(context);
            return;
        }

        // The snapshot the page is rendered from: its generation guards the store against a publish in between,
        // and its tree gives the tags.
        var snapshot = published.Current;
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

        var response = context.Response;
        if (PublicPageCacheRules.IsCacheableResponse(context) && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var body = buffer.ToArray();
            // Weak: the same page compressed or not is the same resource to the reader.
            var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";
            response.Headers.ETag = etag;
            if (string.IsNullOrEmpty(response.Headers.CacheControl))
            {
                response.Headers.CacheControl = options.Value.PublicCacheControl;
            }

            if (options.Value.Enabled && HttpMethods.IsGet(context.Request.Method) && body.Length > 0)
            {
                cache.TryStore(PublicPageKey.For(context.Request), Capture(context, snapshot, body, etag), snapshot.Generation);
            }

            if (PublicPageCacheRules.IfNoneMatchMatches(context.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
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
            response.ContentLength = buffer.Length;
        }

        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static CachedPublicPage Capture(HttpContext context, PublishedSnapshot snapshot, byte[] body, string etag)
    {
        var headers = context.Response.Headers
            .Where(header => !NotReplayed.Contains(header.Key))
            .ToList();
        // The cache serves several encodings of the page, so shared caches must key on Accept-Encoding too.
        var vary = context.Response.Headers.Vary;
        headers.Add(new(HeaderNames.Vary, StringValues.IsNullOrEmpty(vary) ? HeaderNames.AcceptEncoding : StringValues.Concat(vary, HeaderNames.AcceptEncoding)));

        var tags = new HashSet<string>(StringComparer.Ordinal) { PublicPageCacheRules.SiteTag };
        for (var node = snapshot.GetByRoute(context.Request.Path.Value); node is not null; node = node.Parent)
        {
            tags.Add(PublicPageCacheRules.PageTag(node.Key));
        }

        return new CachedPublicPage
        {
            Body = body,
            Brotli = Compress(body, static stream => new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true)),
            Gzip = Compress(body, static stream => new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true)),
            ETag = etag,
            Headers = [.. headers],
            Tags = tags,
        };
    }

    private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output))
        {
            compressing.Write(body);
        }

        return output.ToArray();
    }
}
