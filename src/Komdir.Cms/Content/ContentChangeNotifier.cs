using Komdir.Cms.Published;

namespace Komdir.Cms.Content;

/// <summary>
/// Where every committed change enters: it hands the change to the <see cref="PublishedContentCache"/>, which swaps
/// the snapshot and then tells its observers in their declared order (<see cref="PublishedChangeStage"/>).
/// </summary>
public sealed class ContentChangeNotifier(PublishedContentCache cache)
{
    private readonly AsyncLocal<List<ContentChange>?> pending = new();

    /// <summary>
    /// Holds back notifications until the returned scope ends, then sends one combined change: an import of
    /// many nodes rebuilds caches and indexes once, not once per node.
    /// </summary>
    public async Task RunBatchAsync(Func<Task> work, CancellationToken cancellationToken = default)
    {
        var changes = new List<ContentChange>();
        pending.Value = changes;
        try
        {
            await work();
        }
        finally
        {
            pending.Value = null;
        }

        if (changes.Count > 0)
        {
            var keys = changes.SelectMany(c => c.Keys).Distinct().ToList();
            await NotifyAsync(new ContentChange(ContentChangeKind.Imported, keys, changes.Any(c => c.AffectsPublished)), cancellationToken);
        }
    }

    public async Task NotifyAsync(ContentChange change, CancellationToken cancellationToken = default)
    {
        if (pending.Value is { } batch)
        {
            batch.Add(change);
            return;
        }

        await cache.ApplyAsync(change, cancellationToken);
    }
}
