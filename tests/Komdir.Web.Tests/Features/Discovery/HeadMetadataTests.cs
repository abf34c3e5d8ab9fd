using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Komdir.Cms.Published;
using Komdir.Web.Features.PositionPapers;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Features.Discovery;

public sealed class HeadMetadataTests(DiscoverySiteFixture site) : IClassFixture<DiscoverySiteFixture>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Every_public_page_has_canonical_OpenGraph_and_organisation_JSON_LD_in_its_head()
    {
        using var client = site.CreateClient();
        var locations = XDocument.Parse(await client.GetStringAsync("/sitemap.xml")).Root!
            .Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.NotEmpty(locations);

        foreach (var location in locations)
        {
            var response = await client.GetAsync(new Uri(location).PathAndQuery);
            Assert.True(response.IsSuccessStatusCode, $"{location} answered {response.StatusCode}");
            var head = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).Head!;

            Assert.Equal(location, head.QuerySelector("link[rel='canonical']")?.GetAttribute("href"));
            Assert.Equal(location, Meta(head, "og:url"));
            Assert.False(string.IsNullOrWhiteSpace(Meta(head, "og:title")), location);
            Assert.Equal("KOMDIR – Kommunaldirektørforeningen i Danmark", Meta(head, "og:site_name"));
            Assert.Contains(Meta(head, "og:type"), new[] { "website", "article" });
            Assert.Contains(Meta(head, "og:locale"), new[] { "da_DK", "nb_NO" });
            Assert.Equal("http://localhost/images/komdir-share.png", Meta(head, "og:image"));

            var scripts = head.QuerySelectorAll("script[type='application/ld+json']");
            var json = Assert.Single(scripts).TextContent;
            using var ld = JsonDocument.Parse(json);
            Assert.Equal("Organization", ld.RootElement.GetProperty("@type").GetString());
            Assert.Equal("Kommunaldirektørforeningen i Danmark", ld.RootElement.GetProperty("name").GetString());
            Assert.Equal("KOMDIR", ld.RootElement.GetProperty("alternateName").GetString());
            Assert.Equal("http://localhost/", ld.RootElement.GetProperty("url").GetString());
            Assert.False(ld.RootElement.TryGetProperty("address", out _));
            Assert.False(ld.RootElement.TryGetProperty("telephone", out _));
        }
    }

    [Fact]
    public async Task A_position_paper_is_an_article_described_by_its_summary()
    {
        using var client = site.CreateClient();
        var paper = site.Services.GetRequiredService<PublishedContentCache>().Current.FirstOfType<PositionPaper>()!;

        var head = new HtmlParser().ParseDocument(await client.GetStringAsync(paper.Url)).Head!;

        Assert.Equal("article", Meta(head, "og:type"));
        Assert.Equal(paper.Summary, Meta(head, "og:description"));
        Assert.Equal(paper.Name, Meta(head, "og:title"));
    }

    [Fact]
    public async Task The_Norwegian_page_has_a_Norwegian_locale()
    {
        using var client = site.CreateClient();

        var head = new HtmlParser().ParseDocument(await client.GetStringAsync("/norsk-kommunedirektorforum")).Head!;

        Assert.Equal("nb_NO", Meta(head, "og:locale"));
    }

    [Fact]
    public async Task The_share_image_is_a_self_hosted_1200_by_630_PNG()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/images/komdir-share.png");

        response.EnsureSuccessStatusCode();
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(1200, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(630, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    [Fact]
    public async Task A_missing_page_has_no_canonical_link()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/findes-ikke");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var head = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).Head!;
        Assert.Null(head.QuerySelector("link[rel='canonical']"));
    }

    private static string? Meta(IElement head, string property) =>
        head.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
}
