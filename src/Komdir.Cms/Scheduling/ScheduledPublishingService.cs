using Komdir.Cms.Authorization;
using Komdir.Cms.Content;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Komdir.Cms.Scheduling;

/// <summary>What one pass of the scheduler did.</summary>
public sealed record ScheduledRunReport(int Carried, int Failed, int ClaimedElsewhere);

/// <summary>
/// Carries out due publishes and unpublishes. Several web nodes may share one database and all run this service:
/// each due row is claimed with one conditional UPDATE (set CompletedUtc where it is still null), and only the node
/// whose UPDATE changed the row goes on to act, so every item is carried out exactly once.
/// </summary>
public sealed class ScheduledPublishingService(
    IDbContextFactory<CmsDbContext> dbFactory,
    ContentService contentService,
    TimeProvider clock,
    IOptions<CmsOptions> options,
    ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    public const string Actor = SystemActors.Scheduler;

    /// <summary>Carries out every item due at or before <paramref name="nowUtc"/> that no other node has claimed.</summary>
    public async Task<ScheduledRunReport> RunDueAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken = default)
    {
        List<(int Id, ScheduledAction Action, Guid NodeKey)> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = (await (from schedule in db.ContentSchedules.AsNoTracking()
                          where schedule.CompletedUtc == null && schedule.DueUtc <= nowUtc
                          join node in db.ContentNodes on schedule.NodeId equals node.Id
                          orderby schedule.DueUtc, schedule.Id
                          select new { schedule.Id, schedule.Action, node.Key })
                    .ToListAsync(cancellationToken))
                .Select(s => (s.Id, s.Action, s.Key))
                .ToList();
        }

        int carried = 0, failed = 0, claimedElsewhere = 0;
        foreach (var (id, action, nodeKey) in due)
        {
            if (!await ClaimAsync(id, nowUtc, cancellationToken))
            {
                claimedElsewhere++;
                continue;
            }

            ContentResult result;
            try
            {
                result = action == ScheduledAction.Publish
                    ? await contentService.PublishAsync(nodeKey, Actor, cancellationToken)
                    : await contentService.UnpublishAsync(nodeKey, Actor, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The node is stopping between claim and publish: hand the item back, so the next pass (here after a
                // restart, or on another node) carries it out instead of it being marked done and never happening.
                await ReleaseClaimAsync(id, CancellationToken.None);
                throw;
            }
            catch (Exception exception)
            {
                // A technical failure (the database, say) must not leave the row looking done: the editor sees why.
                failed++;
                logger.LogError(exception, "Scheduled {Action} of {NodeKey} failed (schedule {ScheduleId})", action, nodeKey, id);
                await RecordFailureAsync(id, $"Planlagt {ScheduleService.Describe(action)} kunne ikke gennemføres på grund af en teknisk fejl. Udgiv manuelt, eller planlæg igen.", CancellationToken.None);
                continue;
            }

            if (result.Succeeded)
            {
                carried++;
                logger.LogInformation("Scheduled {Action} of {NodeKey} carried out (schedule {ScheduleId})", action, nodeKey, id);
            }
            else
            {
                failed++;
                var reason = $"Planlagt {ScheduleService.Describe(action)} kunne ikke gennemføres: " + string.Join(" ", result.Errors.Select(e => e.Message));
                await RecordFailureAsync(id, reason, cancellationToken);
                logger.LogWarning("Scheduled {Action} of {NodeKey} failed (schedule {ScheduleId})", action, nodeKey, id);
            }
        }

        return new ScheduledRunReport(carried, failed, claimedElsewhere);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.SchedulerIntervalSeconds));
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunDueAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failing pass (database briefly unavailable, not yet migrated) must not stop the scheduler; the next tick retries.
                logger.LogError(exception, "Scheduled publishing pass failed");
            }
        }
    }

    /// <summary>Marks the row done if nobody has; true only for the one caller whose UPDATE changed it.</summary>
    internal async Task<bool> ClaimAsync(int scheduleId, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.ContentSchedules
            .Where(s => s.Id == scheduleId && s.CompletedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CompletedUtc, (DateTimeOffset?)nowUtc), cancellationToken);
        return claimed == 1;
    }

    private async Task ReleaseClaimAsync(int scheduleId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ContentSchedules.Where(s => s.Id == scheduleId && s.FailureReason == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CompletedUtc, (DateTimeOffset?)null), cancellationToken);
    }

    private async Task RecordFailureAsync(int scheduleId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var truncated = reason.Length > 1000 ? reason[..1000] : reason;
        await db.ContentSchedules.Where(s => s.Id == scheduleId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FailureReason, truncated), cancellationToken);
    }
}
