using Komdir.Cms.Content;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Komdir.Cms.Published;

/// <summary>
/// Holds the current <see cref="PublishedSnapshot"/> in memory. Public requests read it and never touch the
/// database; it is rebuilt at start and after every change to what is published. After each change it tells the
/// <see cref="PublishedChangeObservers"/>, in their declared order (<see cref="PublishedChangeStage"/>), what changed.
/// </summary>
public sealed class PublishedContentCache(
    IDbContextFactory<CmsDbContext> dbFactory,
    PublishedSnapshotBuilder builder,
    ILogger<PublishedContentCache> logger,
    PublishedChangeObservers? observers = null)
{
    // Guards rebuilding and swapping the snapshot, and queueing the change: nothing else runs while it is held.
    private readonly SemaphoreSlim swapLock = new(1, 1);

    // One change's observers at a time, so each observer sees the snapshots in the order they were made.
    private readonly SemaphoreSlim dispatchLock = new(1, 1);
    private readonly Queue<PendingChange> queued = new();
    private readonly Lock queueGate = new();
    private readonly PublishedChangeObservers observers = observers ?? PublishedChangeObservers.None;
    private PublishedSnapshot current = PublishedSnapshot.Empty;
    private long generation;

    public PublishedSnapshot Current => Volatile.Read(ref current);

    /// <summary>
    /// Puts a snapshot in place without reading the database, so component tests can render over hand-built content.
    /// Internal: the site itself only ever gets its snapshot from <see cref="ApplyAsync"/>.
    /// </summary>
    internal void UseSnapshot(PublishedSnapshot snapshot) => Volatile.Write(ref current, snapshot);

    /// <summary>
    /// Rebuilds the snapshot from the database (at start, or when a test wants the database's state) and tells the
    /// observers as a <see cref="ContentChangeKind.Loaded"/> change: caches reset, nothing is sent to other nodes.
    /// </summary>
    public Task RefreshAsync(CancellationToken cancellationToken = default) =>
        ApplyAsync(new ContentChange(ContentChangeKind.Loaded, [], AffectsPublished: true), cancellationToken);

    /// <summary>
    /// Applies a committed change: rebuilds the snapshot when the change affects what is published, then runs every
    /// observer for it. Returns when this change's observers have run, so a publish returns with its redirects
    /// recorded, its pages evicted and the index current.
    /// </summary>
    public async Task ApplyAsync(ContentChange change, CancellationToken cancellationToken = default)
    {
        var pending = new PendingChange();
        await swapLock.WaitAsync(cancellationToken);
        try
        {
            var previous = Current;
            var next = previous;
            if (change.AffectsPublished)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var rows = await PublishedRowsQuery(db).ToListAsync(cancellationToken);
                rows = await WithFirstPublicationAsync(db, rows, cancellationToken);
                next = builder.Build(rows, Interlocked.Increment(ref generation));
                Volatile.Write(ref current, next);
                logger.LogInformation("Published cache rebuilt: {NodeCount} nodes, generation {Generation}", next.All.Count, next.Generation);
            }

            // Queued under the swap lock, so the queue's order is the order the snapshots were made in.
            pending.Change = new PublishedChange(previous, next, change);
            lock (queueGate)
            {
                queued.Enqueue(pending);
            }
        }
        finally
        {
            swapLock.Release();
        }

        await DispatchQueuedAsync();
        await pending.Done.Task;
    }

    // Whoever holds the dispatch lock runs every queued change, its own included (it was queued before waiting).
    private async Task DispatchQueuedAsync()
    {
        await dispatchLock.WaitAsync(CancellationToken.None);
        try
        {
            while (true)
            {
                PendingChange? next;
                lock (queueGate)
                {
                    if (!queued.TryDequeue(out next))
                    {
                        return;
                    }
                }

                await NotifyObserversAsync(next.Change!);
                next.Done.TrySetResult();
            }
        }
        finally
        {
            dispatchLock.Release();
        }
    }

    private async Task NotifyObserversAsync(PublishedChange change)
    {
        foreach (var observer in observers.InOrder)
        {
            try
            {
                // Not the caller's token: the change is committed and swapped in, so every observer must see it,
                // even when the request that made it has gone away.
                await observer.OnPublishedAsync(change, CancellationToken.None);
            }
            catch (Exception exception)
            {
                // A failing observer must not turn a committed change into an error for the editor, nor stop the rest.
                logger.LogError(exception, "Published change observer {Observer} failed for {Kind} (generation {Generation})",
                    observer.GetType().Name, change.Change.Kind, change.Current.Generation);
            }
        }
    }

    /// <summary>
    /// Adds when each node was first published, from the audit trail's publish entries (written in the same
    /// transaction as every publication). Read here, at rebuild, so public requests never touch the database.
    /// The minimum is taken in memory: SQLite cannot order DateTimeOffset values in SQL.
    /// </summary>
    public static async Task<List<SnapshotRow>> WithFirstPublicationAsync(CmsDbContext db, List<SnapshotRow> rows, CancellationToken cancellationToken)
    {
        var publications = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == Komdir.Cms.Audit.AuditActions.Publish && a.NodeKey != null)
            .Select(a => new { a.NodeKey, a.TimestampUtc })
            .ToListAsync(cancellationToken);
        var first = new Dictionary<Guid, DateTimeOffset>();
        foreach (var publication in publications)
        {
            var key = publication.NodeKey!.Value;
            if (!first.TryGetValue(key, out var known) || publication.TimestampUtc < known)
            {
                first[key] = publication.TimestampUtc;
            }
        }

        return rows.Select(r => first.TryGetValue(r.Key, out var when) ? r with { FirstPublishedUtc = when } : r).ToList();
    }

    /// <summary>Every node that is published and not in the recycle bin, with its published version.</summary>
    public static IQueryable<SnapshotRow> PublishedRowsQuery(CmsDbContext db) =>
        from node in db.ContentNodes.AsNoTracking()
        where node.TrashedUtc == null && node.PublishedVersionId != null
        join version in db.ContentVersions.AsNoTracking() on node.PublishedVersionId equals version.Id
        select new SnapshotRow(node.Id, node.Key, node.ParentId, node.SortOrder, node.ContentType, node.CreatedUtc, version.Name, version.UrlSegment, version.ValuesJson, version.CreatedUtc, version.Number);

    private sealed class PendingChange
    {
        public PublishedChange? Change { get; set; }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
