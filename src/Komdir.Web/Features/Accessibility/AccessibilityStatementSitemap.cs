using Komdir.Cms.Published;
using Komdir.Web.Features.Discovery;

namespace Komdir.Web.Features.Accessibility;

/// <summary>Puts the accessibility statement in the sitemap; it changes only with the site's code, so its date is the site root's.</summary>
public sealed class AccessibilityStatementSitemap : ISitemapContributor
{
    public IEnumerable<SitemapEntry> Entries(PublishedSnapshot snapshot)
    {
        if (snapshot.SiteRoot is { } root)
        {
            yield return new SitemapEntry(AccessibilityStatementPage.Path, root.UpdateDate);
        }
    }
}
