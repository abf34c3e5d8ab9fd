using System.Net.Mime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Komdir.Cms.Media;

public static class MediaEndpoints
{
    /// <summary>
    /// Serves media files at "/media/{key}/{fileName}". The key finds the file (the name is for people and downloads);
    /// the SHA-256 is the ETag; a URL with "?v=" matching the file's hash may be cached for a year.
    /// </summary>
    public static IEndpointConventionBuilder MapCmsMedia(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods("/media/{key:guid}/{fileName}", [HttpMethods.Get, HttpMethods.Head], ServeAsync).WithName("CmsMedia");

    private static async Task ServeAsync(HttpContext context, Guid key, string fileName, MediaService media)
    {
        var file = await media.GetFileAsync(key, context.RequestAborted);
        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var headers = context.Response.Headers;
        var etag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        string? version = context.Request.Query["v"];
        var versioned = !string.IsNullOrEmpty(version) && file.Sha256.StartsWith(version, StringComparison.OrdinalIgnoreCase);
        headers.ETag = etag.ToString();
        headers.CacheControl = versioned ? "public, max-age=31536000, immutable" : "public, max-age=300";
        headers.XContentTypeOptions = "nosniff";

        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        if (file.ContentType == "application/pdf")
        {
            var disposition = new ContentDispositionHeaderValue(DispositionTypeNames.Inline);
            disposition.SetHttpFileName(file.FileName);
            headers.ContentDisposition = disposition.ToString();
        }

        context.Response.ContentType = file.ContentType;
        context.Response.ContentLength = file.Bytes.LongLength;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(file.Bytes, context.RequestAborted);
        }
    }
}
