using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Komdir.Cms.Published;
using Komdir.Cms.Rendering;
using Komdir.Web.Features.PositionPapers;
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

    /// <summary>An Atom 1.0 feed of position papers and strategy periods, most recently updated first.</summary>
    public XDocument Feed()
    {
        var snapshot = cache.Current;
        var entries = snapshot.OfType<PositionPaper>().Where(p => p.Url is not null)
            .Select(p => (Content: p.Content, Title: p.Title, Summary: p.Summary, Published: p.PublishedDate))
            .Concat(snapshot.OfType<StrategyPeriod>().Where(p => p.Url is not null)
                .Select(p => (Content: p.Content, Title: p.Title, Summary: (string?)PlainText(p.Intro ?? p.Purpose), Published: (DateOnly?)null)))
            .OrderByDescending(e => e.Content.UpdateDate)
            .ToList();

        var updated = entries.Count > 0 ? entries.Max(e => e.Content.UpdateDate) : snapshot.SiteRoot?.UpdateDate ?? snapshot.BuiltUtc;
        var feedId = snapshot.SiteRoot is { } root ? $"urn:uuid:{root.Key}" : urls.Absolute("/feed.xml");
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", feedId),
            new XElement(Atom + "title", "KOMDIR"),
            new XElement(Atom + "subtitle", "Debatoplæg og strategier fra Kommunaldirektørforeningen i Danmark"),
            new XElement(Atom + "updated", Rfc3339(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", urls.Absolute("/feed.xml"))),
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

            // "published" only when the document's own date is known; the import time is not a publication date.
            if (entry.Published is { } published)
            {
                element.Add(new XElement(Atom + "published", published.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture)));
            }
            if (!string.IsNullOrWhiteSpace(entry.Summary))
            {
                element.Add(new XElement(Atom + "summary", new XAttribute("type", "text"), entry.Summary.Trim()));
            }

            feed.Add(element);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
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
