using Komdir.Cms.Cluster;
using Komdir.Cms.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Komdir.Cms.Persistence;

/// <summary>Settings of <see cref="SqliteChangePoller"/>, bound from "Cms:ChangePolling".</summary>
public sealed class SqliteChangePollingOptions
{
    public const string Section = "Cms:ChangePolling";

    /// <summary>Look for changes other processes committed ("content import", a second site on the file).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often; a change written elsewhere is visible within this plus one refresh (default 1 s).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// On SQLite there is no NOTIFY: this watches the database's change watermark (the audit log's highest id, which
/// every engine write moves in its own transaction) and, when it moved since the last look, refreshes every local
/// cache and index as a remote change, as <see cref="PostgreSqlClusterListener"/>'s catch-up does on PostgreSQL.
/// So a page written by <c>content import</c> in another process is served within about a second. A change this
/// process made itself also moves the watermark and costs one extra refresh; a missed change would cost more.
/// </summary>
public sealed class SqliteChangePoller(
    ChangeWatermark watermarks,
    ContentChangeNotifier notifier,
    IOptions<SqliteChangePollingOptions> options,
    TimeProvider clock,
    ILogger<SqliteChangePoller> logger) : BackgroundService
{
    private long? lastSeen;

    /// <summary>How many times another process's changes were picked up (for tests and metrics).</summary>
    public long Refreshes => Interlocked.Read(ref refreshes);

    private long refreshes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await WaitAsync(timer, stoppingToken))
        {
            try
            {
                await PollOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A locked or briefly unreadable file: try again at the next tick.
                logger.LogWarning(exception, "Change polling could not read the database; trying again");
            }
        }
    }

    /// <summary>Compares the watermark with the last one seen and refreshes everything if it moved.</summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var watermark = await watermarks.ReadAsync(cancellationToken);

        // The first time, the baseline is what the published cache was built from at start-up.
        lastSeen ??= watermarks.AtStartup ?? watermark;
        if (watermark == lastSeen)
        {
            return;
        }

        logger.LogInformation("The database changed (audit log {LastSeen} → {Watermark}); refreshing", lastSeen, watermark);
        lastSeen = watermark;
        Interlocked.Increment(ref refreshes);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Imported, [], AffectsPublished: true) { IsRemote = true }, cancellationToken);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

public static class SqliteChangePollingExtensions
{
    /// <summary>Registers <see cref="SqliteChangePoller"/> unless "Cms:ChangePolling:Enabled" is false.</summary>
    public static IServiceCollection AddSqliteChangePolling(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SqliteChangePollingOptions.Section);
        services.Configure<SqliteChangePollingOptions>(section);
        if (!(section.Get<SqliteChangePollingOptions>() ?? new SqliteChangePollingOptions()).Enabled)
        {
            return services;
        }

        services.AddSingleton<SqliteChangePoller>();
        services.AddHostedService(sp => sp.GetRequiredService<SqliteChangePoller>());
        return services;
    }
}
