using Komdir.Cms.Content;
using Komdir.Cms.Published;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>
/// Evicts cached pages when a committed change (here or, via the cluster listener, on another node) affects what
/// readers see. Runs after the published cache has been rebuilt, so the next request renders the new state.
/// </summary>
public sealed class OutputCacheEvictionHandler(IOutputCacheStore store, PublishedContentCache published, IOptions<OutputCachingOptions> options) : IContentChangeHandler
{
    public async Task HandleAsync(ContentChange change, CancellationToken cancellationToken)
    {
        if (!change.AffectsPublished)
        {
            return;
        }

        // An empty key list means "anything may have changed" (an import, a cluster catch-up).
        if (options.Value.EvictSiteOnAnyChange || change.Keys.Count == 0)
        {
            await store.EvictByTagAsync(PublicPageCacheRules.SiteTag, cancellationToken);
            return;
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

        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }
}
