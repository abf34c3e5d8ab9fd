using Komdir.Cms.Audit;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Web.Backoffice.Audit;

/// <summary>Writes the backoffice's own audit entries (sign-ins, user changes) to the site's audit log.</summary>
public sealed class BackofficeAudit(IDbContextFactory<CmsDbContext> dbFactory, TimeProvider clock)
{
    public async Task WriteAsync(string actor, string action, string? details, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            TimestampUtc = clock.GetUtcNow(),
            Actor = Truncate(actor, 256),
            Action = action,
            Details = details is null ? null : Truncate(details, 1024),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
