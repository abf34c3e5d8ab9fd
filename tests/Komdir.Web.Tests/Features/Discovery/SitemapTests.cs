using System.Text.RegularExpressions;
using System.Xml.Linq;
using Komdir.Cms.Published;
using Komdir.Web.PublicSite;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Features.Discovery;

public sealed partial class SitemapTests(DiscoverySiteFixture site) : IClassFixture<DiscoverySiteFixture>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Sitemap_lists_every_public_page_with_an_absolute_location_and_a_W3C_lastmod()
    {
        using var client = site.CreateClient();
        var snapshot = site.Services.GetRequiredService<PublishedContentCache>().Current;
        var templates = site.Services.GetRequiredService<PageTemplates>();
        var expected = snapshot.All
            .Where(c => c.Url is not null && templates.Find(c.ContentType.Alias) is not null)
            .Select(c => "http://localhost" + c.Url)
            .Append("http://localhost/strategi/formaal-over-tid")
            .Append("http://localhost/tilgaengelighedserklaering")
            .ToHashSet();

        var response = await client.GetAsync("/sitemap.xml");

        response.EnsureSuccessStatusCode();
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Sitemap + "urlset", root.Name);
        var urls = root.Elements(Sitemap + "url").ToList();
        Assert.True(urls.Count <= 50_000);
        var locations = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.Equal(expected, locations.ToHashSet());
        Assert.Contains("http://localhost/presse", locations);
        foreach (var url in urls)
        {
            Assert.True(Uri.IsWellFormedUriString(url.Element(Sitemap + "loc")!.Value, UriKind.Absolute));
            Assert.Matches(W3CDateTime(), url.Element(Sitemap + "lastmod")?.Value);
        }
    }

    [Fact]
    public async Task Robots_names_the_absolute_sitemap_and_keeps_crawlers_out_of_the_backoffice()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/robots.txt");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /backoffice", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")]
    private static partial Regex W3CDateTime();
}
