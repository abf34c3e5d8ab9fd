using Komdir.Cms.Content;
using Komdir.Cms.Published;
using Microsoft.Extensions.Options;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>
/// Evicts cached pages when a committed change (here or, via the cluster listener, on another node) affects what
/// readers see. Runs after the published cache has been rebuilt, so the next request renders the new state.
/// </summary>
public sealed class OutputCacheEvictionHandler(PublicPageCache cache, PublishedContentCache published, IOptions<OutputCachingOptions> options) : IContentChangeHandler
{
    public Task HandleAsync(ContentChange change, CancellationToken cancellationToken)
    {
        if (!change.AffectsPublished)
        {
            return Task.CompletedTask;
        }

        // An empty key list means "anything may have changed" (an import, a cluster catch-up).
        if (options.Value.EvictSiteOnAnyChange || change.Keys.Count == 0)
        {
            cache.Clear();
            return Task.CompletedTask;
        }

        // Narrow eviction: the changed pages with everything below them, and the pages that list them (their parents).
        var tags = new HashSet<string>();
        foreach (var key in change.Keys)
        {
            tags.Add(PublicPageCacheRules.PageTag(key));
            if (published.Current.GetByKey(key)?.Parent is { } parent)
            {
                tags.Add(PublicPageCacheRules.PageTag(parent.Key));
            }
        }

        cache.EvictByTags(tags);
        return Task.CompletedTask;
    }
}
