using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Cluster;

/// <summary>
/// A cheap measure of "has anything been committed since": the highest audit-log id. Every write the engine makes
/// (publish, move, schedule, import…) adds an audit entry in the same transaction.
/// </summary>
public sealed class ChangeWatermark(IDbContextFactory<CmsDbContext> dbFactory)
{
    /// <summary>The watermark just before the published cache was first built; null until start-up has run.</summary>
    public long? AtStartup { get; private set; }

    public async Task CaptureStartupAsync(CancellationToken cancellationToken) =>
        AtStartup = await ReadAsync(cancellationToken);

    public async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
    }
}
