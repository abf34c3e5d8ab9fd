using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Net.Http.Headers;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>
/// Fingerprinted static assets (css/site.&lt;hash&gt;.css and the other files of wwwroot that pages link through
/// <c>@Assets[…]</c>) served like cached pages, ahead of the pipeline by <see cref="PublicPageCacheMiddleware"/>:
/// in memory, in Brotli and gzip, with an ETag and <c>Cache-Control: public, max-age=31536000, immutable</c>.
/// <para>
/// The first request for an asset goes through the pipeline to <c>MapStaticAssets</c>, which stays the authority on
/// what exists and which headers it gets (content type, the security headers the pipeline adds);
/// <see cref="PublicPageCaptureMiddleware"/> then hands the response here. Only responses that
/// <c>MapStaticAssets</c> itself marks immutable are kept: a fingerprinted name never changes content, so the copy
/// in memory can never be stale, and nothing needs evicting on publish. Running from build output (where assets
/// answer <c>no-cache</c> so edits show at once) nothing is kept.
/// </para>
/// </summary>
public sealed class StaticAssetCache(IWebHostEnvironment environment, EndpointDataSource endpoints)
{
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    // Larger files (images) stay with MapStaticAssets, which streams them and answers range requests.
    private const long MaxFileBytes = 1024 * 1024;

    // Headers of one response, or set here for every encoding.
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.TransferEncoding, HeaderNames.Date,
        HeaderNames.Server, HeaderNames.SetCookie, HeaderNames.ETag, HeaderNames.Age, HeaderNames.Vary,
        HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.CacheControl, HeaderNames.AcceptRanges,
    };

    private readonly ConcurrentDictionary<(string Scheme, string Path), CachedPublicPage> assets = new();
    private ILookup<string, StaticAssetDescriptor>? descriptorsByRoute;

    public int Count => assets.Count;

    public bool TryGet(HttpRequest request, out CachedPublicPage asset) =>
        assets.TryGetValue((request.Scheme, request.Path.Value ?? string.Empty), out asset!);

    /// <summary>A GET of a whole file that <c>MapStaticAssets</c> is about to answer.</summary>
    public static bool IsCandidate(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !context.Request.Headers.ContainsKey(HeaderNames.Range)
        && context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;

    /// <summary>Keeps the asset <c>MapStaticAssets</c> has just served, when it is an immutable, fingerprinted one.</summary>
    public async Task CaptureAsync(HttpContext context)
    {
        var response = context.Response;
        var key = (context.Request.Scheme, context.Request.Path.Value ?? string.Empty);
        if (response.StatusCode != StatusCodes.Status200OK
            || !response.Headers.CacheControl.ToString().Contains("immutable", StringComparison.OrdinalIgnoreCase)
            || assets.ContainsKey(key)
            || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not { } served)
        {
            return;
        }

        descriptorsByRoute ??= endpoints.Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<StaticAssetDescriptor>())
            .OfType<StaticAssetDescriptor>()
            .ToLookup(descriptor => descriptor.Route, StringComparer.Ordinal);
        var variants = descriptorsByRoute[served.Route].ToList();
        var identity = variants.FirstOrDefault(descriptor => Encoding(descriptor) is null);
        if (identity is null || await ReadAsync(identity.AssetPath) is not { } body)
        {
            return;
        }

        var brotli = await ReadVariantAsync(variants, "br") ?? Compress(body, static stream => new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true));
        var gzip = await ReadVariantAsync(variants, "gzip") ?? Compress(body, static stream => new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true));
        var etag = identity.ResponseHeaders.FirstOrDefault(header => header.Name.Equals(HeaderNames.ETag, StringComparison.OrdinalIgnoreCase))?.Value
            ?? $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..32]}\"";

        var headers = response.Headers.Where(header => !NotReplayed.Contains(header.Key)).ToList();
        headers.Add(new(HeaderNames.CacheControl, ImmutableCacheControl));
        headers.Add(new(HeaderNames.Vary, HeaderNames.AcceptEncoding));
        assets.TryAdd(key, new CachedPublicPage
        {
            Body = body,
            Brotli = brotli,
            Gzip = gzip,
            // Weak: the same file compressed or not is the same resource to the reader.
            ETag = etag.StartsWith("W/", StringComparison.Ordinal) ? etag : "W/" + etag,
            Headers = [.. headers],
            Tags = new HashSet<string>(),
        });
    }

    private static string? Encoding(StaticAssetDescriptor descriptor) =>
        descriptor.Selectors.FirstOrDefault(selector => selector.Name.Equals(HeaderNames.ContentEncoding, StringComparison.OrdinalIgnoreCase))?.Value;

    private async Task<byte[]?> ReadVariantAsync(List<StaticAssetDescriptor> variants, string encoding) =>
        variants.FirstOrDefault(descriptor => string.Equals(Encoding(descriptor), encoding, StringComparison.OrdinalIgnoreCase)) is { } variant
            ? await ReadAsync(variant.AssetPath)
            : null;

    private async Task<byte[]?> ReadAsync(string assetPath)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(assetPath);
        if (!file.Exists || file.IsDirectory || file.Length > MaxFileBytes)
        {
            return null;
        }

        await using var stream = file.CreateReadStream();
        using var copy = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(copy);
        return copy.ToArray();
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
