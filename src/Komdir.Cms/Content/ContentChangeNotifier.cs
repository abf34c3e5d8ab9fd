using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Komdir.Cms.Content;

/// <summary>Tells every registered <see cref="IContentChangeHandler"/> about a committed change.</summary>
public sealed class ContentChangeNotifier(IServiceProvider services, ILogger<ContentChangeNotifier> logger)
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

        foreach (var handler in services.GetServices<IContentChangeHandler>())
        {
            try
            {
                await handler.HandleAsync(change, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The change is already committed; a handler that fails must not turn it into an error for the editor.
                logger.LogError(exception, "Content change handler {Handler} failed for {Kind}", handler.GetType().Name, change.Kind);
            }
        }
    }
}
