using Komdir.Cms.Audit;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Routing;

/// <summary>A redirect as editors see it: where from, where to now, and whether the engine or an editor made it.</summary>
public sealed record RedirectInfo(int Id, string FromPath, Guid? NodeKey, string? ToPath, string? TargetUrl, bool IsAutomatic, DateTimeOffset CreatedUtc);

/// <summary>The outcome of adding a redirect: the new row's id, or a Danish message for the editor.</summary>
public sealed record RedirectResult(bool Succeeded, int? Id, string? Error)
{
    public static RedirectResult Ok(int id) => new(true, id, null);

    public static RedirectResult Fail(string error) => new(false, null, error);
}

/// <summary>
/// Lists, adds, removes and resolves redirects. Old paths answer with the current URL of the node they point at, so a
/// chain of renames (A → B → C) always lands on C in one hop. Resolving reads an in-memory copy, reloaded after writes.
/// </summary>
public sealed class RedirectService(IDbContextFactory<CmsDbContext> dbFactory, PublishedContentCache cache, TimeProvider clock)
{
    private const int MaxHops = 10;
    private const string AuditAction = "redirect";
    private volatile IReadOnlyDictionary<string, Redirect>? byPath;

    public async Task<IReadOnlyList<RedirectInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Redirects.AsNoTracking().OrderBy(r => r.FromPath).ToListAsync(cancellationToken);
        var snapshot = cache.Current;
        return rows.Select(r => new RedirectInfo(r.Id, r.FromPath, r.NodeKey, r.ToPath, Target(r, snapshot), r.IsAutomatic, r.CreatedUtc)).ToList();
    }

    /// <summary>Adds an editor's redirect from <paramref name="fromPath"/> to a published page's path or another local path.</summary>
    public async Task<RedirectResult> AddAsync(string? fromPath, string? target, string actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(fromPath) || !fromPath.Trim().StartsWith('/') || fromPath.Trim().StartsWith("//", StringComparison.Ordinal))
        {
            return RedirectResult.Fail("Den gamle adresse skal begynde med \"/\", fx /gammel-side.");
        }

        if (string.IsNullOrWhiteSpace(target) || !IsLocalPath(target.Trim()))
        {
            return RedirectResult.Fail("Målet skal være en side på dette website, fx /strategi (ikke en adresse på et andet website).");
        }

        var from = PublishedSnapshot.NormalizeRoute(StripQuery(fromPath.Trim()));
        if (from == "/")
        {
            return RedirectResult.Fail("Forsiden kan ikke omdirigeres.");
        }

        if (ReservedPaths.IsReserved(from))
        {
            return RedirectResult.Fail($"{from} er en systemadresse (fx feed, søgning, sundhedstjek eller backoffice) og kan ikke omdirigeres.");
        }

        var snapshot = cache.Current;
        if (snapshot.GetByRoute(from) is not null)
        {
            return RedirectResult.Fail($"Der findes allerede en udgivet side på {from}. Omdøb eller flyt den først.");
        }

        var trimmedTarget = target.Trim();
        var page = snapshot.GetByRoute(StripQuery(trimmedTarget));
        if (PublishedSnapshot.NormalizeRoute(StripQuery(trimmedTarget)) == from)
        {
            return RedirectResult.Fail("Den gamle adresse og målet er den samme.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Redirects.AnyAsync(r => r.FromPath == from, cancellationToken))
        {
            return RedirectResult.Fail($"Der findes allerede en omdirigering fra {from}.");
        }

        var now = clock.GetUtcNow();
        var redirect = new Redirect
        {
            FromPath = from,
            NodeKey = page?.Key,
            ToPath = page is null ? trimmedTarget : page.Url,
            IsAutomatic = false,
            CreatedUtc = now,
        };
        db.Redirects.Add(redirect);
        db.AuditEntries.Add(new AuditEntry { TimestampUtc = now, Actor = actor, Action = AuditAction, NodeKey = page?.Key, Details = $"Omdirigering tilføjet: {from} → {redirect.ToPath}" });
        await db.SaveChangesAsync(cancellationToken);
        Invalidate();
        return RedirectResult.Ok(redirect.Id);
    }

    public async Task<bool> RemoveAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var redirect = await db.Redirects.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (redirect is null)
        {
            return false;
        }

        db.Redirects.Remove(redirect);
        db.AuditEntries.Add(new AuditEntry { TimestampUtc = clock.GetUtcNow(), Actor = actor, Action = AuditAction, NodeKey = redirect.NodeKey, Details = $"Omdirigering fjernet: {redirect.FromPath}" });
        await db.SaveChangesAsync(cancellationToken);
        Invalidate();
        return true;
    }

    /// <summary>
    /// Where a request for <paramref name="path"/> should go, or null. Follows manual redirects to other redirected
    /// paths so chains collapse into one hop; stops at loops. A path that is a live page never redirects.
    /// </summary>
    public string? Resolve(string? path)
    {
        var snapshot = cache.Current;
        var current = PublishedSnapshot.NormalizeRoute(path);
        if (snapshot.GetByRoute(current) is not null)
        {
            return null;
        }

        var redirects = Load();
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { current };
        string? target = null;
        for (var hop = 0; hop < MaxHops && redirects.TryGetValue(current, out var redirect); hop++)
        {
            target = Target(redirect, snapshot);
            if (target is null)
            {
                return null;
            }

            var targetPath = PublishedSnapshot.NormalizeRoute(StripQuery(target));
            if (snapshot.GetByRoute(targetPath) is not null)
            {
                return target;
            }

            if (!visited.Add(targetPath))
            {
                // A loop would send the reader in circles; better a plain 404.
                return null;
            }

            current = targetPath;
        }

        return target;
    }

    /// <summary>Drops the in-memory copy; the next <see cref="Resolve"/> reads the table again.</summary>
    public void Invalidate() => byPath = null;

    private IReadOnlyDictionary<string, Redirect> Load()
    {
        if (byPath is { } loaded)
        {
            return loaded;
        }

        using var db = dbFactory.CreateDbContext();
        var rows = db.Redirects.AsNoTracking().ToList();
        var map = new Dictionary<string, Redirect>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            map.TryAdd(PublishedSnapshot.NormalizeRoute(row.FromPath), row);
        }

        byPath = map;
        return map;
    }

    /// <summary>The node's current URL when it is published; else the stored path (null for a node that is gone).</summary>
    private static string? Target(Redirect redirect, PublishedSnapshot snapshot)
    {
        if (redirect.NodeKey is { } key)
        {
            return snapshot.GetByKey(key)?.Url ?? (redirect.IsAutomatic ? null : redirect.ToPath);
        }

        return redirect.ToPath;
    }

    private static bool IsLocalPath(string target) =>
        target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) && !target.StartsWith("/\\", StringComparison.Ordinal)
        && !target.Any(char.IsControl) && Uri.IsWellFormedUriString(target, UriKind.Relative);

    private static string StripQuery(string path)
    {
        var cut = path.IndexOfAny(['?', '#']);
        return cut < 0 ? path : path[..cut];
    }
}
