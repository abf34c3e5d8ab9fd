using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Komdir.Cms.Published;
using Komdir.Web.Features.Discovery;
using Komdir.Web.Features.PositionPapers;
using Komdir.Web.Features.Strategy;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Features.Discovery;

public sealed partial class FeedTests(DiscoverySiteFixture site) : IClassFixture<DiscoverySiteFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Feed_is_well_formed_Atom_with_the_required_feed_elements()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/feed.xml");

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Single(feed.Elements(Atom + "id"));
        Assert.Equal("KOMDIR", feed.Element(Atom + "title")?.Value);
        AssertRfc3339(feed.Element(Atom + "updated")?.Value);
        Assert.Equal("KOMDIR", feed.Element(Atom + "author")?.Element(Atom + "name")?.Value);
        var self = Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.Equal("http://localhost/feed.xml", (string?)self.Attribute("href"));
    }

    [Fact]
    public async Task Every_position_paper_and_strategy_period_is_an_entry_with_the_required_elements_newest_first()
    {
        using var client = site.CreateClient();
        var snapshot = site.Services.GetRequiredService<PublishedContentCache>().Current;
        var expectedKeys = snapshot.OfType<PositionPaper>().Select(p => p.Key)
            .Concat(snapshot.OfType<StrategyPeriod>().Select(p => p.Key))
            .Select(k => $"urn:uuid:{k}")
            .ToHashSet();

        var feed = XDocument.Parse(await client.GetStringAsync("/feed.xml")).Root!;
        var entries = feed.Elements(Atom + "entry").ToList();

        Assert.True(expectedKeys.Count >= 4, "the seed has a position paper and three strategy periods");
        var ids = entries.Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(expectedKeys, ids.ToHashSet());
        foreach (var entry in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            var link = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate");
            Assert.True(Uri.IsWellFormedUriString((string?)link.Attribute("href"), UriKind.Absolute));
            AssertRfc3339(entry.Element(Atom + "updated")?.Value);
        }

        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderByDescending(u => u).ToList(), updated);
        var paper = snapshot.OfType<PositionPaper>().First();
        var paperEntry = entries.Single(e => e.Element(Atom + "id")!.Value == $"urn:uuid:{paper.Key}");
        Assert.Equal(paper.Summary, paperEntry.Element(Atom + "summary")?.Value);
    }

    [Fact]
    public async Task Feeds_per_type_and_per_period_hold_only_those_documents_and_date_them_from_the_site()
    {
        using var client = site.CreateClient();
        var snapshot = site.Services.GetRequiredService<PublishedContentCache>().Current;

        var papers = XDocument.Parse(await client.GetStringAsync("/feed.xml?type=Debatopl%C3%A6g")).Root!;
        var paperIds = papers.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToHashSet();
        Assert.Equal(snapshot.OfType<PositionPaper>().Select(p => $"urn:uuid:{p.Key}").ToHashSet(), paperIds);
        Assert.Equal("KOMDIR: Debatoplæg", papers.Element(Atom + "title")!.Value);

        var period = XDocument.Parse(await client.GetStringAsync("/feed.xml?periode=2019-2021")).Root!;
        var entry = Assert.Single(period.Elements(Atom + "entry"));
        var strategy = snapshot.OfType<StrategyPeriod>().Single(p => p.Years == "2019-2021");
        Assert.Equal($"urn:uuid:{strategy.Key}", entry.Element(Atom + "id")!.Value);
        // No original date is known: "published" is when it came on the site, never later than "updated".
        Assert.Equal(DiscoveryDocuments.Rfc3339(strategy.FirstPublishedDate), entry.Element(Atom + "published")!.Value);
    }

    [Fact]
    public async Task Every_page_links_to_the_feed_from_its_head()
    {
        using var client = site.CreateClient();

        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/strategi"));

        var link = document.Head!.QuerySelector("link[rel='alternate'][type='application/atom+xml']");
        Assert.NotNull(link);
        Assert.Equal("http://localhost/feed.xml", link.GetAttribute("href"));
    }

    private static void AssertRfc3339(string? value)
    {
        Assert.NotNull(value);
        Assert.Matches(Rfc3339(), value);
        Assert.True(DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
