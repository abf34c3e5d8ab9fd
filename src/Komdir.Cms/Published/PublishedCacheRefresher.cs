using Komdir.Cms.Content;

namespace Komdir.Cms.Published;

/// <summary>Rebuilds the published cache whenever a committed change affects what readers see.</summary>
public sealed class PublishedCacheRefresher(PublishedContentCache cache) : IContentChangeHandler
{
    public Task HandleAsync(ContentChange change, CancellationToken cancellationToken) =>
        change.AffectsPublished ? cache.RefreshAsync(cancellationToken) : Task.CompletedTask;
}
