using Komdir.Cms.Published;
using Microsoft.Extensions.Options;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>
/// Evicts cached pages when a committed change (here or, via the cluster listener, on another node) affects what
/// readers see. The published cache tells it after the swap, so the next request renders the new state. Like Umbraco's
/// output cache eviction on a content cache refresh, but with both snapshots in hand.
/// </summary>
public sealed class OutputCacheEvictionHandler(PublicPageCache cache, IOptions<OutputCachingOptions> options) : IPublishedChangeObserver
{
    public Task OnPublishedAsync(PublishedChange change, CancellationToken cancellationToken)
    {
        if (!change.SnapshotReplaced)
        {
            return Task.CompletedTask;
        }

        // An empty key list means "anything may have changed" (an import, a cluster catch-up, a load at start).
        if (options.Value.EvictSiteOnAnyChange || change.Change.Keys.Count == 0)
        {
            cache.Clear();
            return Task.CompletedTask;
        }

        // Narrow eviction: the changed pages with everything below them, and the pages that list them (their parents).
        var tags = new HashSet<string>();
        foreach (var key in change.Change.Keys)
        {
            tags.Add(PublicPageCacheRules.PageTag(key));
            if (change.Current.GetByKey(key)?.Parent is { } parent)
            {
                tags.Add(PublicPageCacheRules.PageTag(parent.Key));
            }

            // A page that moved, or left the site, is no longer listed where it was: that parent's page changed too.
            if (change.Previous.GetByKey(key)?.Parent is { } previousParent)
            {
                tags.Add(PublicPageCacheRules.PageTag(previousParent.Key));
            }
        }

        cache.EvictByTags(tags);
        return Task.CompletedTask;
    }
}
