using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Komdir.Cms.Published;

/// <summary>
/// Holds the current <see cref="PublishedSnapshot"/> in memory. Public requests read it and never touch the
/// database; it is rebuilt at start and after every change to what is published.
/// </summary>
public sealed class PublishedContentCache(
    IDbContextFactory<CmsDbContext> dbFactory,
    PublishedSnapshotBuilder builder,
    ILogger<PublishedContentCache> logger)
{
    private readonly SemaphoreSlim refreshLock = new(1, 1);
    private PublishedSnapshot current = PublishedSnapshot.Empty;
    private long generation;

    public PublishedSnapshot Current => Volatile.Read(ref current);

    /// <summary>
    /// Puts a snapshot in place without reading the database, so component tests can render over hand-built content.
    /// Internal: the site itself only ever gets its snapshot from <see cref="RefreshAsync"/>.
    /// </summary>
    internal void UseSnapshot(PublishedSnapshot snapshot) => Volatile.Write(ref current, snapshot);

    /// <summary>Raised after a new snapshot has replaced the old one.</summary>
    public event Action<PublishedSnapshot>? Refreshed;

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await refreshLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await PublishedRowsQuery(db).ToListAsync(cancellationToken);
            rows = await WithFirstPublicationAsync(db, rows, cancellationToken);
            var snapshot = builder.Build(rows, Interlocked.Increment(ref generation));
            Volatile.Write(ref current, snapshot);
            logger.LogInformation("Published cache rebuilt: {NodeCount} nodes, generation {Generation}", snapshot.All.Count, snapshot.Generation);
            Refreshed?.Invoke(snapshot);
        }
        finally
        {
            refreshLock.Release();
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
}
