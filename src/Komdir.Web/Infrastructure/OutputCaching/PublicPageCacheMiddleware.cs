using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>
/// Serves cached public pages ahead of the rest of the pipeline: error pages, request logging, localization,
/// authentication, antiforgery, routing and rendering only run on a miss. A hit replays the stored headers and the
/// body in the reader's encoding, or answers 304 to a matching If-None-Match. Fingerprinted static assets are served
/// the same way (<see cref="StaticAssetCache"/>).
/// Only requests that could be anonymous look for a page: one with an Authorization header or any cookie but the
/// antiforgery one goes through the whole pipeline, where <see cref="PublicPageCaptureMiddleware"/> decides.
/// A hit runs on the socket event thread it arrived on; everything else moves to the thread pool first
/// (<see cref="ThreadPoolRequests"/>), so no render, search, backoffice or media request holds up a hit (ADR 0004).
/// </summary>
public sealed class PublicPageCacheMiddleware(RequestDelegate next, PublicPageCache cache, StaticAssetCache staticAssets)
{
    private static readonly StringValues BrotliEncoding = new("br");
    private static readonly StringValues GzipEncoding = new("gzip");

    // Age in whole seconds; the strings for the first ten minutes (the default lifetime) are made once.
    private static readonly string[] AgeStrings = Enumerable.Range(0, 601).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isHead = HttpMethods.IsHead(request.Method);
        if (!HttpMethods.IsGet(request.Method) && !isHead)
        {
            return ThreadPoolRequests.RunAsync(context, next);
        }

        // A fingerprinted asset is the same for everyone, signed in or not; a range request is left to MapStaticAssets.
        if (IsFileName(request.Path) && !request.Headers.ContainsKey(HeaderNames.Range) && staticAssets.TryGet(request, out var asset))
        {
            return Serve(context, asset, age: null, isHead);
        }

        if (request.Headers.ContainsKey(HeaderNames.Authorization)
            || (request.Headers.ContainsKey(HeaderNames.Cookie) && !PublicPageCacheRules.HasOnlyAnonymousCookies(request))
            || !cache.TryGet(PublicPageKey.For(request), out var page))
        {
            return ThreadPoolRequests.RunAsync(context, next);
        }

        return Serve(context, page, cache.AgeInSeconds(page), isHead);
    }

    private static bool IsFileName(PathString path)
    {
        var value = path.Value;
        return value is not null && value.LastIndexOf('.') > value.LastIndexOf('/');
    }

    private static Task Serve(HttpContext context, CachedPublicPage page, long? age, bool isHead)
    {
        var request = context.Request;
        var response = context.Response;
        var headers = response.Headers;
        foreach (var (name, value) in page.Headers)
        {
            headers[name] = value;
        }

        headers.ETag = page.ETag;
        if (age is { } seconds)
        {
            headers.Age = seconds < AgeStrings.Length ? AgeStrings[seconds] : seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (PublicPageCacheRules.IfNoneMatchMatches(request, page.ETag.ToString()))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = page.Body;
        switch (AcceptEncoding.Choose(request.Headers.AcceptEncoding))
        {
            case ContentCoding.Brotli:
                body = page.Brotli;
                headers.ContentEncoding = BrotliEncoding;
                break;
            case ContentCoding.Gzip:
                body = page.Gzip;
                headers.ContentEncoding = GzipEncoding;
                break;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = body.Length;
        return isHead ? Task.CompletedTask : response.BodyWriter.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
