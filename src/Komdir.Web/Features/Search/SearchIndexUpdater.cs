using Komdir.Cms.Published;

namespace Komdir.Web.Features.Search;

/// <summary>
/// Rebuilds the index after every committed change that readers can see (publish, unpublish, move, trash …).
/// It is told by the published cache after the swap, with the new snapshot in hand.
/// </summary>
public sealed class SearchIndexUpdater(SearchIndex index) : IPublishedChangeObserver
{
    public Task OnPublishedAsync(PublishedChange change, CancellationToken cancellationToken)
    {
        if (change.SnapshotReplaced)
        {
            index.Update(change.Current);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Opens (or repairs and rebuilds) the index when the site starts, so the first search does not wait for it.</summary>
public sealed class SearchIndexStartup(SearchIndex index, PublishedContentCache cache, ILogger<SearchIndexStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            index.EnsureOpen();
            // The cache may have been refreshed between the engine's start and now; Update is a no-op when nothing changed.
            index.Update(cache.Current);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The site serves its pages without search rather than not at all; the search page says search is unavailable.
            logger.LogError(exception, "The search index could not be opened at start");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
