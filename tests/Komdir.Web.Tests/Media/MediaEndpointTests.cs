using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Komdir.Cms.Media;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Media;

/// <summary>The host serves media at /media/{key}/{fileName} with safe, cache-friendly headers.</summary>
public sealed class MediaEndpointTests : IClassFixture<MediaEndpointTests.SiteFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% test\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private readonly KomdirWebApplicationFactory factory;

    public MediaEndpointTests(SiteFactory factory) => this.factory = factory;

    [Fact]
    public async Task A_pdf_is_served_inline_with_its_type_etag_and_nosniff()
    {
        var item = await UploadAsync("Årsberetning", "årsberetning.pdf", Pdf);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/media/{item.Key}/{item.FileName}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{item.Sha256}\"", response.Headers.ETag?.Tag);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("aarsberetning.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl?.MaxAge);
        Assert.False(response.Headers.CacheControl?.Extensions.Any(e => e.Name == "immutable"));
    }

    [Fact]
    public async Task A_url_with_the_hash_prefix_may_be_cached_for_a_year()
    {
        var item = await UploadAsync("Logo", "logo.png", Png);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(item.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Contains(response.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
    }

    [Fact]
    public async Task A_stale_hash_in_the_url_gets_the_short_cache()
    {
        var item = await UploadAsync("Logo", "logo.png", Png);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/media/{item.Key}/{item.FileName}?v=000000000000");

        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task A_matching_if_none_match_gets_304_without_a_body()
    {
        var item = await UploadAsync("Logo", "logo.png", Png);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, item.Url);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{item.Sha256}\""));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unknown_key_is_404()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/media/{Guid.NewGuid()}/ukendt.pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<MediaSummary> UploadAsync(string name, string fileName, byte[] bytes)
    {
        var result = await factory.Services.GetRequiredService<MediaService>().UploadAsync(name, fileName, new MemoryStream(bytes), "editor@test");
        Assert.True(result.Succeeded, result.Error);
        return result.Item!;
    }

    /// <summary>One site for the class; xUnit needs a parameterless constructor for a fixture.</summary>
    public sealed class SiteFactory() : KomdirWebApplicationFactory(contentFolder: null);
}
