using Komdir.Cms.Audit;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Web.Backoffice.Audit;

/// <summary>One row of the audit log as the backoffice shows it, with the node's current name.</summary>
public sealed record AuditLogRow(long Id, DateTimeOffset TimestampUtc, string Actor, string Action, Guid? NodeKey, string? NodeName, string? Details);

public sealed record AuditLogResult(IReadOnlyList<AuditLogRow> Rows, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reads the audit log newest first, a page at a time, optionally for one action or one node.</summary>
public sealed class AuditLogQuery(IDbContextFactory<CmsDbContext> dbFactory)
{
    public async Task<AuditLogResult> GetPageAsync(int page, int pageSize, string? action = null, Guid? nodeKey = null, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(a => a.Action == action);
        }

        if (nodeKey is not null)
        {
            query = query.Where(a => a.NodeKey == nodeKey);
        }

        var total = await query.CountAsync(cancellationToken);
        var entries = await query
            .OrderByDescending(a => a.TimestampUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);

        var keys = entries.Where(e => e.NodeKey is not null).Select(e => e.NodeKey!.Value).Distinct().ToList();
        var names = await db.ContentNodes.AsNoTracking()
            .Where(n => keys.Contains(n.Key))
            .Select(n => new { n.Key, Name = n.Versions.Where(v => v.Number == n.LatestVersionNumber).Select(v => v.Name).FirstOrDefault() })
            .ToDictionaryAsync(n => n.Key, n => n.Name, cancellationToken);

        var rows = entries.Select(e => new AuditLogRow(
            e.Id, e.TimestampUtc, e.Actor, e.Action, e.NodeKey,
            e.NodeKey is { } key ? names.GetValueOrDefault(key) : null,
            e.Details)).ToList();
        return new AuditLogResult(rows, page, pageSize, total);
    }
}

/// <summary>Danish names for the audit actions, and Danish local time.</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [AuditActions.Create] = "Oprettet",
        [AuditActions.Save] = "Gemt",
        [AuditActions.Publish] = "Udgivet",
        [AuditActions.Unpublish] = "Afpubliceret",
        [AuditActions.Rollback] = "Gendannet",
        [AuditActions.Move] = "Flyttet",
        [AuditActions.Copy] = "Kopieret",
        [AuditActions.Sort] = "Sorteret",
        [AuditActions.Trash] = "Lagt i papirkurven",
        [AuditActions.Restore] = "Genskabt fra papirkurven",
        [AuditActions.Delete] = "Slettet",
        [AuditActions.Import] = "Importeret",
        [AuditActions.Schedule] = "Planlagt",
        [AuditActions.SignIn] = "Logget ind",
        [AuditActions.SignInFailed] = "Mislykket login",
        [AuditActions.UserChange] = "Brugerændring",
        [AuditActions.Media] = "Medier",
    };

    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    private static readonly System.Globalization.CultureInfo Danish = System.Globalization.CultureInfo.GetCultureInfo("da-DK");

    /// <summary>Every action with its label, for filters.</summary>
    public static IEnumerable<KeyValuePair<string, string>> All => Labels;

    public static string For(string action) => Labels.GetValueOrDefault(action, action);

    /// <summary>E.g. "22. nov. 2026 kl. 21:05".</summary>
    public static string FormatTime(DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, Copenhagen);
        return local.ToString("d. MMM yyyy 'kl.' HH:mm", Danish);
    }
}
