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
    private long? lastSeenWatermark;

    /// <summary>Raised after a remote message or a catch-up has been applied; tests wait on it.</summary>
    public event Action? Applied;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
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
                logger.LogWarning(exception, "Cluster listener lost its connection; reconnecting in {Delay}", delay);
                try
                {
                    await Task.Delay(delay, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxReconnectDelay.Ticks));
                continue;
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
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        var received = new ConcurrentQueue<string>();
        connection.Notification += (_, e) => received.Enqueue(e.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {ClusterMessage.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        logger.LogInformation("Cluster listener connected as node {NodeId}", node.Id);

        // Anything committed while we were not listening is picked up here.
        await CatchUpAsync(connection, stoppingToken);
        var nextCatchUp = clock.GetUtcNow() + options.Value.CatchUpInterval;

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = nextCatchUp - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await connection.WaitAsync(wait, stoppingToken);
            }

            var appliedAny = false;
            while (received.TryDequeue(out var payload))
            {
                appliedAny |= await ApplyAsync(payload, stoppingToken);
            }

            if (appliedAny)
            {
                Applied?.Invoke();
            }

            if (clock.GetUtcNow() >= nextCatchUp)
            {
                await CatchUpAsync(connection, stoppingToken);
                nextCatchUp = clock.GetUtcNow() + options.Value.CatchUpInterval;
            }
        }
    }

    private async Task<bool> ApplyAsync(string payload, CancellationToken cancellationToken)
    {
        var message = ClusterMessage.TryParse(payload);
        if (message is null)
        {
            logger.LogWarning("Cluster listener ignored a message it could not read");
            return false;
        }

        if (message.NodeId == node.Id)
        {
            return false;
        }

        await notifier.NotifyAsync(message.ToRemoteChange(), cancellationToken);
        return true;
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
        Applied?.Invoke();
    }
}
