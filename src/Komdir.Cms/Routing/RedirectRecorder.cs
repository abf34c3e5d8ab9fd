using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Komdir.Cms.Routing;

/// <summary>
/// Keeps old links working: each time the published cache is rebuilt it compares every page's route with the previous
/// snapshot's, and records an automatic redirect from each old route (a renamed or moved page and all its descendants)
/// to the node — by key, so the redirect follows later moves too. Redirects whose old path is a live page again are removed.
/// </summary>
public sealed class RedirectRecorder : IDisposable
{
    private readonly IDbContextFactory<CmsDbContext> dbFactory;
    private readonly PublishedContentCache cache;
    private readonly RedirectService redirects;
    private readonly TimeProvider clock;
    private readonly ILogger<RedirectRecorder> logger;
    private readonly Lock gate = new();
    private PublishedSnapshot baseline;
    private bool started;

    public RedirectRecorder(IDbContextFactory<CmsDbContext> dbFactory, PublishedContentCache cache, RedirectService redirects, TimeProvider clock, ILogger<RedirectRecorder> logger)
    {
        this.dbFactory = dbFactory;
        this.cache = cache;
        this.redirects = redirects;
        this.clock = clock;
        this.logger = logger;
        baseline = cache.Current;
    }

    /// <summary>Starts watching the cache; the current snapshot is the baseline. Call once, after the cache is first filled.</summary>
    public void Start()
    {
        lock (gate)
        {
            if (started)
            {
                return;
            }

            started = true;
            baseline = cache.Current;
            cache.Refreshed += OnRefreshed;
        }
    }

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

    public void Dispose() => cache.Refreshed -= OnRefreshed;

    private void OnRefreshed(PublishedSnapshot snapshot)
    {
        PublishedSnapshot before;
        lock (gate)
        {
            before = baseline;
            baseline = snapshot;
        }

        if (before.Generation == 0)
        {
            return;
        }

        try
        {
            Record(ChangedRoutes(before, snapshot), snapshot);
        }
        catch (Exception exception)
        {
            // The publish is already committed; a failed redirect must not turn it into an error.
            logger.LogError(exception, "Could not record redirects after cache generation {Generation}", snapshot.Generation);
        }
    }

    // Synchronous on purpose: the cache raises Refreshed inside its refresh lock, so rows are written before the
    // publish call returns and before the next snapshot is compared.
    private void Record(IReadOnlyList<(string FromPath, Guid NodeKey)> changes, PublishedSnapshot snapshot)
    {
        using var db = dbFactory.CreateDbContext();
        var existing = db.Redirects.ToList();
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
            db.SaveChanges();
            logger.LogInformation("Redirects updated: {Count} changed routes", changes.Count);
        }

        redirects.Invalidate();
    }
}
