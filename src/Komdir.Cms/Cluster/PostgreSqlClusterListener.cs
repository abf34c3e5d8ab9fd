using System.Collections.Concurrent;
using Komdir.Cms.Content;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Komdir.Cms.Cluster;

/// <summary>
/// Keeps this node's caches in step with changes other nodes commit. It LISTENs on a dedicated connection and
/// hands each message to the local change handlers (marked remote, so it is not sent on). Because a message sent
/// while the connection was down is lost, it also catches up: on every (re)connect and every
/// <see cref="ClusterOptions.CatchUpInterval"/> it compares the audit log's highest id with the last one it saw
/// and refreshes everything if it moved.
/// </summary>
public sealed class PostgreSqlClusterListener(
    IDbContextFactory<CmsDbContext> dbFactory,
    ContentChangeNotifier notifier,
    ClusterNode node,
    ChangeWatermark watermarks,
    IOptions<ClusterOptions> options,
    TimeProvider clock,
    ILogger<PostgreSqlClusterListener> logger) : BackgroundService
{
    /// <summary>Names the listening session in pg_stat_activity.</summary>
    public const string ApplicationName = "komdir-cluster-listener";

    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromSeconds(1);

    private long? lastSeenWatermark;
    private TimeSpan reconnectDelay = FirstReconnectDelay;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Cluster listener lost its connection; reconnecting in {Delay}", reconnectDelay);
                try
                {
                    await Task.Delay(reconnectDelay, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                reconnectDelay = TimeSpan.FromTicks(Math.Min(reconnectDelay.Ticks * 2, options.Value.MaxReconnectDelay.Ticks));
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            connectionString = db.Database.GetConnectionString()!;
        }

        // Its own connection outside the pool: a LISTEN session must stay open and must not be shared.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30, ApplicationName = ApplicationName };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        var received = new ConcurrentQueue<string>();
        connection.Notification += (_, e) => received.Enqueue(e.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {ClusterMessage.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        logger.LogInformation("Cluster listener connected as node {NodeId}", node.Id);
        reconnectDelay = FirstReconnectDelay;

        // Anything committed while we were not listening is picked up by catching up at once.
        var nextCatchUp = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Messages can arrive during any round trip (the catch-up query included), so drain before waiting.
            while (received.TryDequeue(out var payload))
            {
                await ApplyAsync(payload, stoppingToken);
            }

            // One reading of the clock for both decisions: a wait computed a moment later could come out negative,
            // which Npgsql would take as "wait forever".
            var untilCatchUp = nextCatchUp - clock.GetUtcNow();
            if (untilCatchUp <= TimeSpan.Zero)
            {
                await CatchUpAsync(connection, stoppingToken);
                nextCatchUp = clock.GetUtcNow() + options.Value.CatchUpInterval;
                continue;
            }

            // Npgsql waits in whole milliseconds and reads 0 as "forever": a wait of under a millisecond would
            // otherwise block until the next notification and skip the catch-up. Round up instead.
            await connection.WaitAsync((int)Math.Ceiling(untilCatchUp.TotalMilliseconds), stoppingToken);
        }
    }

    private async Task ApplyAsync(string payload, CancellationToken cancellationToken)
    {
        var message = ClusterMessage.TryParse(payload);
        if (message is null)
        {
            logger.LogWarning("Cluster listener ignored a message it could not read");
            return;
        }

        if (message.NodeId != node.Id)
        {
            await notifier.NotifyAsync(message.ToRemoteChange(), cancellationToken);
        }
    }

    /// <summary>Refreshes everything local when the audit log moved since we last looked.</summary>
    private async Task CatchUpAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(\"Id\"), 0) FROM cms_audit", connection);
        var watermark = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));

        // The first time, the baseline is what the published cache was built from at start-up.
        lastSeenWatermark ??= watermarks.AtStartup;
        if (watermark == lastSeenWatermark)
        {
            return;
        }

        logger.LogInformation("Cluster catch-up: the audit log moved from {LastSeen} to {Watermark}; refreshing", lastSeenWatermark, watermark);
        lastSeenWatermark = watermark;

        // An empty key list with AffectsPublished means "anything may have changed": caches rebuild whole.
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Imported, [], AffectsPublished: true) { IsRemote = true }, cancellationToken);
    }
}
