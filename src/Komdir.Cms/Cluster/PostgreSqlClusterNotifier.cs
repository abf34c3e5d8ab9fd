using Komdir.Cms.Content;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Komdir.Cms.Cluster;

/// <summary>
/// Tells the other nodes about a change this node committed: <c>NOTIFY komdir_content</c> with the change as JSON.
/// Changes learned from other nodes are not sent on, nor is a load of the cache from the database (nothing changed).
/// </summary>
public sealed class PostgreSqlClusterNotifier(IDbContextFactory<CmsDbContext> dbFactory, ClusterNode node) : IPublishedChangeObserver
{
    public async Task OnPublishedAsync(PublishedChange published, CancellationToken cancellationToken)
    {
        var change = published.Change;
        if (change.IsRemote || change.Kind == ContentChangeKind.Loaded)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var payload = ClusterMessage.From(node.Id, change).Serialize();
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({ClusterMessage.Channel}, {payload})", cancellationToken);
    }
}
