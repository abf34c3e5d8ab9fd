using Komdir.Cms.Audit;
using Komdir.Cms.Authorization;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Routing;

/// <summary>A redirect as editors see it: where from, where to now, and whether the engine or an editor made it.</summary>
public sealed record RedirectInfo(int Id, string FromPath, Guid? NodeKey, string? ToPath, string? TargetUrl, bool IsAutomatic, DateTimeOffset CreatedUtc);

/// <summary>The outcome of adding a redirect: the new row's id, or a Danish message for the editor.</summary>
public sealed record RedirectResult(bool Succeeded, int? Id, string? Error)
{
    /// <summary>Not <see cref="AuthorizationStatus.Allowed"/> when the actor may not (any longer) change redirects; the site says why.</summary>
    public AuthorizationStatus Authorization { get; init; }

    public static RedirectResult Ok(int id) => new(true, id, null);

    public static RedirectResult Refused(AuthorizationStatus status) => new(false, null, null) { Authorization = status };

    public static RedirectResult Fail(string error) => new(false, null, error);
}

/// <summary>
/// Lists, adds, removes and resolves redirects. Old paths answer with the current URL of the node they point at, so a
/// chain of renames (A → B → C) always lands on C in one hop. Resolving reads an in-memory table that lives beside the
/// published snapshot: loaded (asynchronously) at start and after every change and every write here, and swapped whole,
/// so a request never touches the database (ADR 0004).
/// </summary>
public sealed class RedirectService(IDbContextFactory<CmsDbContext> dbFactory, PublishedContentCache cache, TimeProvider clock, IOperationAuthorizer authorizer)
{
    private const int MaxHops = 10;
    private const string AuditAction = "redirect";
    private static readonly IReadOnlyDictionary<string, Redirect> NoRedirects = new Dictionary<string, Redirect>();
    private readonly SemaphoreSlim reloadLock = new(1, 1);
    private IReadOnlyDictionary<string, Redirect> byPath = NoRedirects;

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
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Redirects, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return RedirectResult.Refused(refused);
        }

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
        await ReloadAsync(CancellationToken.None);
        return RedirectResult.Ok(redirect.Id);
    }

    /// <summary>Removes a redirect; fails with a Danish message when it is already gone.</summary>
    public async Task<RedirectResult> RemoveAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Redirects, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return RedirectResult.Refused(refused);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var redirect = await db.Redirects.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (redirect is null)
        {
            return RedirectResult.Fail("Omdirigeringen findes ikke (længere).");
        }

        db.Redirects.Remove(redirect);
        db.AuditEntries.Add(new AuditEntry { TimestampUtc = clock.GetUtcNow(), Actor = actor, Action = AuditAction, NodeKey = redirect.NodeKey, Details = $"Omdirigering fjernet: {redirect.FromPath}" });
        await db.SaveChangesAsync(cancellationToken);
        await ReloadAsync(CancellationToken.None);
        return RedirectResult.Ok(id);
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

        var redirects = Volatile.Read(ref byPath);
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

    /// <summary>
    /// Reads the redirect table and swaps it in whole; <see cref="Resolve"/> uses the old table until then. Called by
    /// <see cref="RedirectRecorder"/> at start and after every published change, and after every write here.
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        // One reload at a time: two overlapping reads could otherwise swap in the older one last.
        await reloadLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await db.Redirects.AsNoTracking().ToListAsync(cancellationToken);
            var map = new Dictionary<string, Redirect>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows)
            {
                map.TryAdd(PublishedSnapshot.NormalizeRoute(row.FromPath), row);
            }

            Volatile.Write(ref byPath, map);
        }
        finally
        {
            reloadLock.Release();
        }
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
