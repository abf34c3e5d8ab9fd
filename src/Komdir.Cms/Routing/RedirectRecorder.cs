using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Komdir.Cms.Routing;

/// <summary>
/// Keeps old links working: after each published change it compares every page's route in the previous snapshot with
/// the current one, and records an automatic redirect from each old route (a renamed or moved page and all its
/// descendants) to the node — by key, so the redirect follows later moves too. Redirects whose old path is a live page
/// again are removed. Then it reloads <see cref="RedirectService"/>'s in-memory table (also at start).
/// Runs at <see cref="PublishedChangeStage.Redirects"/>, outside the cache's swap lock, one change at a time.
/// </summary>
public sealed class RedirectRecorder(
    IDbContextFactory<CmsDbContext> dbFactory,
    RedirectService redirects,
    TimeProvider clock,
    ILogger<RedirectRecorder> logger) : IPublishedChangeObserver
{
    /// <summary>The routes that changed from <paramref name="before"/> to <paramref name="after"/>: (old path, node key).</summary>
    public static IReadOnlyList<(string FromPath, Guid NodeKey)> ChangedRoutes(PublishedSnapshot before, PublishedSnapshot after)
    {
        var changes = new List<(string, Guid)>();
        foreach (var old in before.All)
        {
            if (old.Url is null || old.Url == "/")
            {
                continue;
            }

            var now = after.GetByKey(old.Key);
            if (now?.Url is { } newUrl && !string.Equals(PublishedSnapshot.NormalizeRoute(old.Url), PublishedSnapshot.NormalizeRoute(newUrl), StringComparison.Ordinal))
            {
                changes.Add((PublishedSnapshot.NormalizeRoute(old.Url), old.Key));
            }
        }

        return changes;
    }

    public async Task OnPublishedAsync(PublishedChange change, CancellationToken cancellationToken)
    {
        // A draft save changes no route; the first load at start has no "before" to compare with.
        if (change.SnapshotReplaced && !change.IsInitialLoad)
        {
            try
            {
                await RecordAsync(ChangedRoutes(change.Previous, change.Current), change.Current, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The publish is already committed; a failed redirect must not turn it into an error. The table is
                // still reloaded below, so what was stored before keeps working.
                logger.LogError(exception, "Could not record redirects after cache generation {Generation}", change.Current.Generation);
            }
        }

        // Every change: another node may have added or removed redirects, and the start needs a first load.
        await redirects.ReloadAsync(cancellationToken);
    }

    private async Task RecordAsync(IReadOnlyList<(string FromPath, Guid NodeKey)> changes, PublishedSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Redirects.ToListAsync(cancellationToken);
        var byPath = existing.ToDictionary(r => PublishedSnapshot.NormalizeRoute(r.FromPath), StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow();
        foreach (var (fromPath, nodeKey) in changes)
        {
            var toPath = snapshot.GetByKey(nodeKey)?.Url;
            if (byPath.TryGetValue(fromPath, out var redirect))
            {
                redirect.NodeKey = nodeKey;
                redirect.ToPath = toPath;
                redirect.IsAutomatic = true;
            }
            else
            {
                redirect = new Redirect { FromPath = fromPath, NodeKey = nodeKey, ToPath = toPath, IsAutomatic = true, CreatedUtc = now };
                db.Redirects.Add(redirect);
                byPath[fromPath] = redirect;
            }
        }

        // An automatic redirect from a path that is a page again (renamed back, or a new page there) has done its job.
        foreach (var stale in existing.Where(r => r.IsAutomatic && snapshot.GetByRoute(r.FromPath) is not null))
        {
            db.Redirects.Remove(stale);
        }

        // Keep the stored target current for editors' lists; resolving uses the node key anyway.
        foreach (var redirect in existing.Where(r => r.NodeKey is { } key && snapshot.GetByKey(key)?.Url is { } url && r.ToPath != url && db.Entry(r).State != EntityState.Deleted))
        {
            redirect.ToPath = snapshot.GetByKey(redirect.NodeKey!.Value)!.Url;
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Redirects updated: {Count} changed routes", changes.Count);
        }
    }
}
