using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>
/// Serves cached public pages ahead of the rest of the pipeline: error pages, request logging, localization,
/// authentication, antiforgery, routing and rendering only run on a miss. A hit replays the stored headers and the
/// body in the reader's encoding, or answers 304 to a matching If-None-Match.
/// Only requests that could be anonymous look here: one with an Authorization header or any cookie but the
/// antiforgery one goes through the whole pipeline, where <see cref="PublicPageCaptureMiddleware"/> decides.
/// </summary>
public sealed class PublicPageCacheMiddleware(RequestDelegate next, PublicPageCache cache, System.Diagnostics.Metrics.IMeterFactory meters)
{
    /// <summary>The meter and counter that count hits, which never reach the request log (issue 11).</summary>
    public const string MeterName = "Komdir.Web";

    public const string HitsCounterName = "komdir.page_cache.hits";

    // Hits are served before request logging, so they are counted instead of logged: one event per hit would cost
    // more than the hit itself (ADR 0004). Adding to a counter nobody listens to is close to free.
    private readonly System.Diagnostics.Metrics.Counter<long> hits =
        meters.Create(new System.Diagnostics.Metrics.MeterOptions(MeterName)).CreateCounter<long>(HitsCounterName, description: "Public pages served from the page cache");

    private static readonly StringValues BrotliEncoding = new("br");
    private static readonly StringValues GzipEncoding = new("gzip");

    // Age in whole seconds; the strings for the first ten minutes (the default lifetime) are made once.
    private static readonly string[] AgeStrings = Enumerable.Range(0, 601).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isHead = HttpMethods.IsHead(request.Method);
        if ((!HttpMethods.IsGet(request.Method) && !isHead)
            || request.Headers.ContainsKey(HeaderNames.Authorization)
            || (request.Headers.ContainsKey(HeaderNames.Cookie) && !PublicPageCacheRules.HasOnlyAnonymousCookies(request))
            || !cache.TryGet(PublicPageKey.For(request), out var page))
        {
            return next(context);
        }

        hits.Add(1);
        var response = context.Response;
        var headers = response.Headers;
        foreach (var (name, value) in page.Headers)
        {
            headers[name] = value;
        }

        headers.ETag = page.ETag;
        var age = cache.AgeInSeconds(page);
        headers.Age = age < AgeStrings.Length ? AgeStrings[age] : age.ToString(CultureInfo.InvariantCulture);

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
