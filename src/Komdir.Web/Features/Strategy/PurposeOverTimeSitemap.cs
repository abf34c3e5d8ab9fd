using Komdir.Cms.Published;
using Komdir.Web.Features.Discovery;

namespace Komdir.Web.Features.Strategy;

/// <summary>Puts the purpose-over-time page in the sitemap; it changes whenever a period does.</summary>
public sealed class PurposeOverTimeSitemap : ISitemapContributor
{
    public IEnumerable<SitemapEntry> Entries(PublishedSnapshot snapshot)
    {
        var periods = snapshot.OfType<StrategyPeriod>().Where(p => p.Url is not null).ToList();
        if (periods.Count > 0)
        {
            yield return new SitemapEntry(PurposeOverTimePage.Path, periods.Max(p => p.UpdateDate));
        }
    }
}
