using Komdir.Cms.Published;

namespace Komdir.Web.Features.Discovery;

/// <summary>One public address for the sitemap, with when it last changed.</summary>
public sealed record SitemapEntry(string Path, DateTimeOffset LastModified);

/// <summary>Public pages that are not content nodes (routed components) tell the sitemap about themselves.</summary>
public interface ISitemapContributor
{
    IEnumerable<SitemapEntry> Entries(PublishedSnapshot snapshot);
}
