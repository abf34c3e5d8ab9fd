using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Komdir.Web.Infrastructure.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Infrastructure.OutputCaching;

/// <summary>
/// Fingerprinted static assets from the same fast path as cached pages: in memory after the first request, in Brotli
/// and gzip, with an ETag and a year's immutable caching. MapStaticAssets alone answers "max-age=31536000, immutable"
/// without "public", so "public" tells that an answer came from memory.
/// </summary>
public sealed partial class StaticAssetCacheTests : IDisposable
{
    private readonly KomdirWebApplicationFactory factory = new();

    public StaticAssetCacheTests()
    {
        // Run from build output (not published), MapStaticAssets answers "no-cache" so edits show at once and nothing
        // is kept in memory; this switch gives the headers a published site sends.
        factory.Settings["EnableStaticAssetsDevelopmentCaching"] = "true";
    }

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_fingerprinted_stylesheet_is_served_from_memory_after_the_first_request()
    {
        using var client = factory.CreateClient();
        var path = await StylesheetPathAsync(client);

        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.CacheControl!.Public);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(StaticAssetCache.ImmutableCacheControl, second.Headers.CacheControl!.ToString());
        Assert.Equal("text/css", second.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(second.Headers.ETag);
        Assert.Contains("Accept-Encoding", second.Headers.Vary);
        // The pipeline's security headers come along with the file.
        Assert.Equal("nosniff", second.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal((await second.Content.ReadAsByteArrayAsync()).Length, second.Content.Headers.ContentLength);
        Assert.True(factory.Services.GetRequiredService<StaticAssetCache>().Count >= 1);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_stylesheet_is_served_precompressed_in_the_encoding_the_reader_accepts(string encoding)
    {
        using var client = factory.CreateClient();
        var path = await StylesheetPathAsync(client);
        var plain = await (await client.GetAsync(path)).Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await client.SendAsync(request);

        Assert.Equal(StaticAssetCache.ImmutableCacheControl, response.Headers.CacheControl!.ToString());
        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < plain.Length);
        Assert.Equal(plain, Decompress(compressed, encoding));
    }

    [Fact]
    public async Task A_repeat_visit_with_the_etag_gets_304_without_a_body()
    {
        using var client = factory.CreateClient();
        var path = await StylesheetPathAsync(client);
        await client.GetAsync(path);
        var cached = await client.GetAsync(path);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(cached.Headers.ETag!);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_signed_in_reader_gets_the_same_stylesheet_from_memory()
    {
        using var client = factory.CreateClient();
        var path = await StylesheetPathAsync(client);
        await client.GetAsync(path);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", ".AspNetCore.Identity.Application=anything");
        var response = await client.SendAsync(request);

        Assert.Equal(StaticAssetCache.ImmutableCacheControl, response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_range_request_is_answered_by_the_pipeline()
    {
        using var client = factory.CreateClient();
        var path = await StylesheetPathAsync(client);
        await client.GetAsync(path);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Range = new RangeHeaderValue(0, 9);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.False(response.Headers.CacheControl!.Public);
    }

    [Fact]
    public async Task The_name_without_fingerprint_is_not_kept_in_memory()
    {
        using var client = factory.CreateClient();

        await client.GetAsync("/css/site.css");
        var second = await client.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(StaticAssetCache.ImmutableCacheControl, second.Headers.CacheControl?.ToString());
        Assert.Equal(0, factory.Services.GetRequiredService<StaticAssetCache>().Count);
    }

    private static async Task<string> StylesheetPathAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/");
        var href = Stylesheet().Match(html).Groups[1].Value;
        Assert.NotEmpty(href);
        return "/" + href;
    }

    private static byte[] Decompress(byte[] compressed, string encoding)
    {
        using var input = new MemoryStream(compressed);
        using Stream decompressing = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressing.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex("href=\"/?(css/site\\.[a-z0-9]+\\.css)\"")]
    private static partial Regex Stylesheet();
}
