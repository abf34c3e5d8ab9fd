using Komdir.Cms.Audit;
using Komdir.Cms.Persistence;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Cluster;

/// <summary>What differs between providers, checked on PostgreSQL.</summary>
public sealed class PostgreSqlProviderTests
{
    [PostgresFact]
    public async Task The_site_runs_on_PostgreSQL_and_stores_local_times_as_the_same_instant()
    {
        using var factory = new KomdirWebApplicationFactory();
        using var client = factory.CreateClient();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync();
        Assert.IsType<PostgreSqlCmsDbContext>(db);

        // 10:30 Danish summer time is 08:30 UTC; Npgsql alone would refuse a non-zero offset.
        var danishLocal = new DateTimeOffset(2026, 6, 1, 10, 30, 0, TimeSpan.FromHours(2));
        var entry = new AuditEntry { Actor = "test", Action = AuditActions.Schedule, TimestampUtc = danishLocal };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();

        await using var readBack = await factory.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContextAsync();
        var stored = await readBack.AuditEntries.SingleAsync(a => a.Id == entry.Id);
        Assert.Equal(danishLocal.UtcDateTime, stored.TimestampUtc.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, stored.TimestampUtc.Offset);
        Assert.Equal(1, await readBack.AuditEntries.CountAsync(a => a.TimestampUtc < danishLocal.AddMinutes(1) && a.TimestampUtc > danishLocal.AddMinutes(-1)));
    }
}
