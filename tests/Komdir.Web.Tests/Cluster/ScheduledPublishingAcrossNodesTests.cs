using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Komdir.Cms.Audit;
using Komdir.Cms.Persistence;
using Komdir.Cms.Scheduling;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Komdir.Web.Tests.Cluster;

/// <summary>Scheduled publishing when two nodes share one PostgreSQL database and both run the scheduler.</summary>
public sealed class ScheduledPublishingAcrossNodesTests(ITestOutputHelper output)
{
    /// <summary>
    /// The hosted schedulers' own period. An hour, so during the test their timers never fire by themselves: they
    /// make a pass exactly when the test ticks them, together with the passes the test starts itself.
    /// </summary>
    private static readonly TimeSpan SchedulerInterval = TimeSpan.FromHours(1);

    private const int LaterRounds = 2;

    private const int DirectPassesPerNode = 3;

    private const string Editor = "redaktoer@komdir.invalid";

    private const string NewTitle = "Civilsamfundet, udgivet efter planen";

    [PostgresFact]
    public async Task A_due_publish_raced_for_by_both_nodes_happens_once_and_both_nodes_show_it_within_two_seconds()
    {
        var clock = new SharedSchedulerClock(SchedulerInterval);
        using var firstNode = new KomdirWebApplicationFactory();
        using var secondNode = new KomdirWebApplicationFactory(firstNode);
        using var nodeA = OnSharedClock(firstNode, clock);
        using var nodeB = OnSharedClock(secondNode, clock);
        using var clientA = nodeA.CreateClient();
        using var clientB = nodeB.CreateClient();
        // Both nodes have rendered (and output-cached) the page before the change.
        Assert.Contains(TestContent.FocusAreaName, await clientA.GetStringAsync(TestContent.FocusAreaPath));
        Assert.Contains(TestContent.FocusAreaName, await clientB.GetStringAsync(TestContent.FocusAreaPath));
        // The hosted schedulers make their timers on a background thread once the host has started.
        await WaitUntilAsync(() => Task.FromResult(clock.SchedulerTimerCount >= 2), TimeSpan.FromSeconds(10));
        Assert.Equal(2, clock.SchedulerTimerCount);

        // An editor on node A saves a new title as a draft and plans its publish.
        var draftNumber = await TestContent.SaveRenamedDraftAsync(nodeA.Services, TestContent.FocusAreaKey, NewTitle, Editor);
        var due = clock.GetUtcNow().AddMinutes(1);
        var scheduleService = nodeA.Services.GetRequiredService<ScheduleService>();
        var scheduled = await scheduleService.SchedulePublishAsync(TestContent.FocusAreaKey, due, Editor);
        Assert.True(scheduled.Succeeded, scheduled.Error);
        var scheduleId = scheduled.ScheduleId!.Value;

        var dbFactory = nodeA.Services.GetRequiredService<IDbContextFactory<CmsDbContext>>();
        long auditBefore;
        int versionsBefore;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            auditBefore = await db.AuditEntries.MaxAsync(a => a.Id);
            versionsBefore = await db.ContentVersions.CountAsync(v => v.Node!.Key == TestContent.FocusAreaKey);
        }

        ScheduledPublishingService[] schedulers =
        [
            nodeA.Services.GetRequiredService<ScheduledPublishingService>(),
            nodeB.Services.GetRequiredService<ScheduledPublishingService>(),
        ];
        Assert.NotSame(schedulers[0], schedulers[1]);
        // Before the due time neither node has anything to do.
        foreach (var scheduler in schedulers)
        {
            Assert.Equal(new ScheduledRunReport(0, 0, 0), await scheduler.RunDueAsync(clock.GetUtcNow()));
        }

        // The due time arrives for both nodes at once.
        clock.Advance(TimeSpan.FromMinutes(1));

        // Left alone, the first pass to start usually claims the row before the others have even read it, and no
        // claims collide. So the row is held locked while the passes start: each reads the item as due and then
        // waits at its claim. When the lock goes, every claim meets the same row at once, and PostgreSQL re-checks
        // each waiting UPDATE's condition against the row as the first claim left it.
        const int DirectPasses = 2 * DirectPassesPerNode;
        const int HostedPasses = 2;
        ScheduledRunReport[] racingReports;
        Stopwatch sinceRelease;
        await using (var rowLock = new NpgsqlConnection(firstNode.ConnectionString))
        {
            await rowLock.OpenAsync();
            await using var transaction = await rowLock.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("SELECT count(*) FROM (SELECT 1 FROM cms_content_schedule WHERE \"Id\" = @id FOR UPDATE) AS locked", rowLock, transaction))
            {
                lockRow.Parameters.AddWithValue("id", scheduleId);
                Assert.Equal(1L, await lockRow.ExecuteScalarAsync());
            }

            clock.TickSchedulers();
            var passes = schedulers
                .SelectMany(scheduler => Enumerable.Repeat(scheduler, DirectPassesPerNode))
                .Select(scheduler => Task.Run(() => scheduler.RunDueAsync(clock.GetUtcNow())))
                .ToList();
            var waitingClaims = 0L;
            await WaitUntilAsync(async () => (waitingClaims = await CountSessionsWaitingForALockAsync(firstNode.ConnectionString)) >= DirectPasses + HostedPasses, TimeSpan.FromSeconds(10));
            Assert.True(
                waitingClaims == DirectPasses + HostedPasses,
                $"Expected every pass, {DirectPasses} called and {HostedPasses} hosted, waiting to claim the row; {waitingClaims} were.");

            await transaction.RollbackAsync();
            sinceRelease = Stopwatch.StartNew();
            racingReports = await Task.WhenAll(passes);
        }

        // More rounds on both nodes find nothing left to carry out.
        for (var round = 0; round < LaterRounds; round++)
        {
            var later = await Task.WhenAll(schedulers.Select(scheduler => Task.Run(() => scheduler.RunDueAsync(clock.GetUtcNow()))));
            Assert.All(later, report => Assert.Equal(new ScheduledRunReport(0, 0, 0), report));
        }

        // Whichever node carried the publish out, the other learns of it by LISTEN/NOTIFY: both must show it.
        var passesDone = sinceRelease.Elapsed;
        await MultiNodeTests.PollUntilAsync(clientA, TestContent.FocusAreaPath, NewTitle, MultiNodeTests.PropagationLimit);
        var shownOnA = sinceRelease.Elapsed;
        await MultiNodeTests.PollUntilAsync(clientB, TestContent.FocusAreaPath, NewTitle, MultiNodeTests.PropagationLimit);
        var shownOnBoth = sinceRelease.Elapsed;

        // The called passes' reports are in hand: at most one of them carried the item out, and every one of them
        // took part in the race (carried it out or found it claimed by another). The hosted passes' reports go to no
        // caller; the audit log below shows that across all passes, hosted and called, there was exactly one publish.
        var calledWinner = Array.FindIndex(racingReports, report => report.Carried > 0);
        output.WriteLine(
            $"Carried out by {(calledWinner < 0 ? "a hosted scheduler" : $"a called pass on node {(calledWinner < DirectPassesPerNode ? "A" : "B")}")}; " +
            $"the called passes: carried {racingReports.Sum(r => r.Carried)}, claimed elsewhere {racingReports.Sum(r => r.ClaimedElsewhere)}. " +
            $"After the claims were let go: passes done {passesDone.TotalMilliseconds:F0} ms, shown on A {shownOnA.TotalMilliseconds:F0} ms, on both {shownOnBoth.TotalMilliseconds:F0} ms.");
        Assert.InRange(racingReports.Sum(r => r.Carried), 0, 1);
        Assert.Equal(0, racingReports.Sum(r => r.Failed));
        Assert.Equal(DirectPasses, racingReports.Sum(r => r.Carried + r.ClaimedElsewhere));
        Assert.True(shownOnBoth <= MultiNodeTests.PropagationLimit, $"Both nodes showed the new title {shownOnBoth.TotalMilliseconds:F0} ms after the claims were let go.");

        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var publish = Assert.Single(await db.AuditEntries
                .Where(a => a.Id > auditBefore && a.Action == AuditActions.Publish && a.NodeKey == TestContent.FocusAreaKey)
                .ToListAsync());
            Assert.Equal(ScheduledPublishingService.Actor, publish.Actor);
            Assert.Equal($"version {draftNumber}", publish.Details);

            // Publishing points the page at the saved draft and adds no version of its own.
            var node = await db.ContentNodes.SingleAsync(n => n.Key == TestContent.FocusAreaKey);
            var published = await db.ContentVersions.SingleAsync(v => v.Id == node.PublishedVersionId);
            Assert.Equal((draftNumber, NewTitle), (published.Number, published.Name));
            Assert.Equal(ScheduledPublishingService.Actor, node.PublishedBy);
            Assert.Equal(versionsBefore, await db.ContentVersions.CountAsync(v => v.NodeId == node.Id));
        }

        var schedule = Assert.Single(await scheduleService.GetSchedulesAsync(TestContent.FocusAreaKey));
        Assert.Equal(scheduleId, schedule.Id);
        Assert.NotNull(schedule.CompletedUtc);
        Assert.True(schedule.CompletedUtc >= due, $"Completed at {schedule.CompletedUtc:O}, before it was due at {due:O}.");
        Assert.Null(schedule.FailureReason);
    }

    /// <summary>A node on the shared clock, its hosted scheduler's own timer slowed to <see cref="SchedulerInterval"/>.</summary>
    private static WebApplicationFactory<Program> OnSharedClock(KomdirWebApplicationFactory node, SharedSchedulerClock clock)
    {
        node.Settings["Cms:SchedulerIntervalSeconds"] = ((int)SchedulerInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return node.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
    }

    /// <summary>How many sessions on the test's database are waiting for a lock: while the schedule row is held, only claims wait.</summary>
    private static async Task<long> CountSessionsWaitingForALockAsync(string connectionString)
    {
        // Not on the lock's own connection: inside its transaction pg_stat_activity would be read once and then kept.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Polls until the condition holds or the limit passes; the caller asserts afterwards.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!await condition() && stopwatch.Elapsed < limit)
        {
            await Task.Delay(25);
        }
    }

    /// <summary>
    /// One clock for both nodes, so a due time arrives for both at the same instant: real time plus an offset the
    /// test moves forward. Timers are real ones; the hosted schedulers' periodic timers (known by their period) can
    /// also be ticked by the test, as if their period had just elapsed.
    /// </summary>
    private sealed class SharedSchedulerClock(TimeSpan schedulerInterval) : TimeProvider
    {
        private readonly ConcurrentQueue<Action> schedulerTicks = new();
        private long offsetTicks;

        public int SchedulerTimerCount => schedulerTicks.Count;

        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

        public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (period == schedulerInterval)
            {
                schedulerTicks.Enqueue(() => callback(state));
            }

            return TimeProvider.System.CreateTimer(callback, state, dueTime, period);
        }

        public void TickSchedulers()
        {
            foreach (var tick in schedulerTicks)
            {
                tick();
            }
        }
    }
}
