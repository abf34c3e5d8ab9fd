using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Komdir.Cms.Published;
using Komdir.Cms.Rendering;
using Komdir.Web.Features.PositionPapers;
using Komdir.Web.Features.Press;
using Komdir.Web.Features.Strategy;
using Komdir.Web.PublicSite;

namespace Komdir.Web.Features.Discovery;

/// <summary>Builds the machine-readable documents about the site: the Atom feed, the sitemap and robots.txt.</summary>
public sealed class DiscoveryDocuments(
    PublishedContentCache cache,
    PageTemplates templates,
    MarkdownRenderer markdown,
    SiteUrls urls,
    IEnumerable<ISitemapContributor> contributors)
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>
    /// An Atom 1.0 feed of position papers and strategy periods, most recently changed first; narrowed to one type
    /// and/or one period when given (the press page's filters, so every filter has its own feed).
    /// </summary>
    public XDocument Feed(string? type = null, string? period = null)
    {
        var snapshot = cache.Current;
        var entries = snapshot.OfType<PositionPaper>().Where(p => p.Url is not null)
            .Select(p => (Content: p.Content, Title: p.Title, Summary: p.Summary, Published: p.PublishedDate, Type: p.PaperType,
                Period: (p.PeriodKey is { } key ? snapshot.GetByKey(key)?.Model as StrategyPeriod : null)?.Years))
            .Concat(snapshot.OfType<StrategyPeriod>().Where(p => p.Url is not null)
                .Select(p => (Content: p.Content, Title: p.Title, Summary: (string?)PlainText(p.Intro ?? p.Purpose), Published: (DateOnly?)null, Type: PressCatalog.StrategyType, Period: (string?)p.Years)))
            .Where(e => string.IsNullOrWhiteSpace(type) || string.Equals(e.Type, type.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(e => string.IsNullOrWhiteSpace(period) || string.Equals(e.Period, period.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.Content.UpdateDate)
            .ToList();

        var updated = entries.Count > 0 ? entries.Max(e => e.Content.UpdateDate) : snapshot.SiteRoot?.UpdateDate ?? snapshot.BuiltUtc;
        var feedId = snapshot.SiteRoot is { } root ? $"urn:uuid:{root.Key}" : urls.Absolute("/feed.xml");
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", feedId),
            new XElement(Atom + "title", FeedTitle(type, period)),
            new XElement(Atom + "subtitle", "Debatoplæg og strategier fra Kommunaldirektørforeningen i Danmark"),
            new XElement(Atom + "updated", Rfc3339(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", urls.Absolute(FeedPath(type, period)))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", urls.Absolute("/"))),
            new XElement(Atom + "author", new XElement(Atom + "name", "KOMDIR")));
        feed.SetAttributeValue(XNamespace.Xml + "lang", "da");

        foreach (var entry in entries)
        {
            var element = new XElement(Atom + "entry",
                new XElement(Atom + "id", $"urn:uuid:{entry.Content.Key}"),
                new XElement(Atom + "title", entry.Title),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", urls.Absolute(entry.Content.Url))),
                new XElement(Atom + "updated", Rfc3339(entry.Content.UpdateDate)));

            // "updated" is the last change on the site; "published" the document's own date when an editor has set
            // it, else when it was first published on the site (never the later import or change time).
            element.Add(new XElement(Atom + "published", entry.Published is { } published
                ? published.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture)
                : Rfc3339(entry.Content.FirstPublishedDate)));
            if (!string.IsNullOrWhiteSpace(entry.Summary))
            {
                element.Add(new XElement(Atom + "summary", new XAttribute("type", "text"), entry.Summary.Trim()));
            }

            feed.Add(element);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
    }

    /// <summary>The feed's path for a filter: "/feed.xml", "/feed.xml?type=Debatoplæg&amp;periode=2019-2021".</summary>
    public static string FeedPath(string? type, string? period)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(type))
        {
            query.Add("type=" + Uri.EscapeDataString(type.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(period))
        {
            query.Add("periode=" + Uri.EscapeDataString(period.Trim()));
        }

        return query.Count == 0 ? "/feed.xml" : "/feed.xml?" + string.Join('&', query);
    }

    private static string FeedTitle(string? type, string? period)
    {
        var parts = new[] { type?.Trim(), period?.Trim() }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? "KOMDIR" : "KOMDIR: " + string.Join(", ", parts);
    }

    /// <summary>Every public page (each published node with a template, plus routed pages that register themselves).</summary>
    public IReadOnlyList<SitemapEntry> PublicPages()
    {
        var snapshot = cache.Current;
        var pages = snapshot.All
            .Where(c => c.Url is not null && templates.Find(c.ContentType.Alias) is not null)
            .Select(c => new SitemapEntry(c.Url!, c.UpdateDate))
            .Concat(contributors.SelectMany(c => c.Entries(snapshot)));
        return pages.DistinctBy(p => p.Path, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>A sitemaps.org 0.9 sitemap with absolute locations and W3C datetimes.</summary>
    public XDocument SitemapDocument()
    {
        var urlset = new XElement(Sitemap + "urlset",
            PublicPages().Select(p => new XElement(Sitemap + "url",
                new XElement(Sitemap + "loc", urls.Absolute(p.Path)),
                new XElement(Sitemap + "lastmod", Rfc3339(p.LastModified)))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), urlset);
    }

    public string Robots() =>
        new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Disallow: /backoffice\n")
            .Append('\n')
            .Append("Sitemap: ").Append(urls.Absolute("/sitemap.xml")).Append('\n')
            .ToString();

    /// <summary>RFC 3339 / W3C datetime in UTC, to the second.</summary>
    public static string Rfc3339(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static byte[] ToUtf8(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    private string? PlainText(string? markdownText)
    {
        var text = markdown.ToPlainText(markdownText);
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
