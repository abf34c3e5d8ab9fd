using System.Security.Cryptography;
using Komdir.Cms.Published;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Komdir.Web.Features.DeliveryApi;

/// <summary>
/// On every Delivery API response: <c>Vary</c> on the headers that change the answer, an <c>ETag</c> over the body
/// (304 for a matching <c>If-None-Match</c>), <c>Last-Modified</c> from the published snapshot, and problem details
/// (never the site's HTML error page) for errors the framework answers without a body, such as a non-integer take.
/// </summary>
public sealed class DeliveryResponseMiddleware(RequestDelegate next, PublishedContentCache cache)
{
    public const string VaryHeaders = "Accept-Language, Accept-Segment, Start-Item, Preview, Api-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var builtUtc = cache.Current.BuiltUtc;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        response.Headers.Vary = VaryHeaders;
        if (response.StatusCode >= 400 && buffer.Length == 0)
        {
            buffer.SetLength(0);
            await WriteProblemAsync(context, buffer);
        }

        var isGet = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (isGet && response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32] + "\"";
            response.Headers.ETag = etag;
            var isDraft = response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.Ordinal);
            if (!isDraft && builtUtc > DateTimeOffset.MinValue)
            {
                response.Headers.LastModified = builtUtc.ToString("R");
            }

            if (string.IsNullOrEmpty(response.Headers.CacheControl))
            {
                // Clients may keep a copy but must ask again; the ETag makes asking cheap.
                response.Headers.CacheControl = "no-cache";
            }

            if (!isDraft && context.Request.Headers.IfNoneMatch.Any(value => value is not null && (value == "*" || value.Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "W/" + etag))))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        if (buffer.Length > 0 && !HttpMethods.IsHead(context.Request.Method))
        {
            response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    private static async Task WriteProblemAsync(HttpContext context, MemoryStream buffer)
    {
        var status = context.Response.StatusCode;
        var (title, detail) = status switch
        {
            StatusCodes.Status400BadRequest => ("Ugyldig forespørgsel", "En parameter eller header har en ugyldig værdi (skip og take skal være hele tal, Preview true eller false, id'er GUID'er)."),
            StatusCodes.Status404NotFound => ("Ikke fundet", "Delivery API'et har ingen adresse som denne."),
            StatusCodes.Status405MethodNotAllowed => ("Metoden er ikke tilladt", "Delivery API'et kan kun læses (GET)."),
            _ => ("Fejl", "Forespørgslen kunne ikke besvares."),
        };
        var problem = new { type = "https://tools.ietf.org/html/rfc9110", title, status, detail };
        context.Response.ContentType = "application/problem+json";
        await System.Text.Json.JsonSerializer.SerializeAsync(buffer, problem, DeliveryJson.Options, context.RequestAborted);
    }
}
