using Komdir.Cms.Content;
using Komdir.Cms.Published;
using Komdir.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Cms.Tests.Published;

public sealed class PublishedChangeObserverTests
{
    [Fact]
    public async Task Observers_run_in_stage_order_not_registration_order_with_both_snapshots_and_the_change()
    {
        var log = new ObservationLog();
        await using var host = await CmsTestHost.StartAsync(configure: services =>
        {
            services.AddSingleton(log);
            // Registered in the reverse of their stages on purpose.
            services.AddPublishedChangeObserver<ClusterStageProbe>(PublishedChangeStage.Cluster);
            services.AddPublishedChangeObserver<PageCacheStageProbe>(PublishedChangeStage.PageCache);
        });
        log.Clear();

        var home = await host.PublishPageAsync(null, "Forside", "forside");

        var published = log.Entries.Where(e => e.Change.Change.Kind == ContentChangeKind.Published).ToList();
        Assert.Equal(["PageCache", "Cluster"], published.Select(e => e.Observer));
        var change = published[0].Change;
        Assert.Equal([home], change.Change.Keys);
        Assert.True(change.SnapshotReplaced);
        Assert.Null(change.Previous.GetByKey(home));
        Assert.NotNull(change.Current.GetByKey(home));
        Assert.Same(host.Cache.Current, change.Current);
    }

    [Fact]
    public async Task A_draft_save_reaches_the_observers_with_the_snapshot_unchanged()
    {
        var log = new ObservationLog();
        await using var host = await CmsTestHost.StartAsync(configure: services =>
        {
            services.AddSingleton(log);
            services.AddPublishedChangeObserver<PageCacheStageProbe>(PublishedChangeStage.PageCache);
        });
        var home = await host.PublishPageAsync(null, "Forside", "forside");
        var before = host.Cache.Current;
        log.Clear();

        var page = before.GetByKey(home)!;
        var saved = await host.Content.SaveAsync(home, page.VersionNumber, "Forside (kladde)", page.UrlSegment, page.Values, "editor@test");
        Assert.True(saved.Succeeded);

        var entry = Assert.Single(log.Entries);
        Assert.Equal(ContentChangeKind.Saved, entry.Change.Change.Kind);
        Assert.False(entry.Change.SnapshotReplaced);
        Assert.Same(before, host.Cache.Current);
    }

    [Fact]
    public async Task Observers_run_outside_the_swap_lock_and_see_changes_one_at_a_time_in_snapshot_order()
    {
        var log = new ObservationLog();
        await using var host = await CmsTestHost.StartAsync(configure: services =>
        {
            services.AddSingleton(log);
            services.AddPublishedChangeObserver<ReentrantProbe>(PublishedChangeStage.Search);
        });
        var probe = host.Get<ReentrantProbe>();
        probe.Arm();

        await host.PublishPageAsync(null, "Forside", "forside");
        await probe.Inner!;

        // While the observer for the publish was still running, a second change swapped its snapshot in:
        // the swap lock was free. Its observers ran only after the first change's had finished.
        Assert.True(probe.SwappedWhileObserving);
        var entries = log.Entries;
        var generations = entries.Select(e => e.Change.Current.Generation).ToList();
        Assert.Equal(generations.Order(), generations);
        var end = entries.ToList().FindIndex(e => e.Observer == "Search (end)");
        var inner = entries.ToList().FindIndex(e => e.Change.Change.Kind == ContentChangeKind.Loaded && e.Change.Current.Generation > entries[end].Change.Current.Generation);
        Assert.True(end >= 0 && inner > end, "the second change's observer ran before the first change's had finished");
    }

    public sealed class ObservationLog
    {
        private readonly Lock gate = new();
        private readonly List<(string Observer, PublishedChange Change)> entries = [];

        public IReadOnlyList<(string Observer, PublishedChange Change)> Entries
        {
            get
            {
                lock (gate)
                {
                    return [.. entries];
                }
            }
        }

        public void Add(string observer, PublishedChange change)
        {
            lock (gate)
            {
                entries.Add((observer, change));
            }
        }

        public void Clear()
        {
            lock (gate)
            {
                entries.Clear();
            }
        }
    }

    public sealed class PageCacheStageProbe(ObservationLog log) : IPublishedChangeObserver
    {
        public Task OnPublishedAsync(PublishedChange change, CancellationToken cancellationToken)
        {
            log.Add("PageCache", change);
            return Task.CompletedTask;
        }
    }

    public sealed class ClusterStageProbe(ObservationLog log) : IPublishedChangeObserver
    {
        public Task OnPublishedAsync(PublishedChange change, CancellationToken cancellationToken)
        {
            log.Add("Cluster", change);
            return Task.CompletedTask;
        }
    }

    /// <summary>On the first publish it starts another change and waits to see that change's snapshot swapped in.</summary>
    public sealed class ReentrantProbe(ObservationLog log, PublishedContentCache cache) : IPublishedChangeObserver
    {
        private bool armed;

        public Task? Inner { get; private set; }

        public bool SwappedWhileObserving { get; private set; }

        public void Arm() => armed = true;

        public async Task OnPublishedAsync(PublishedChange change, CancellationToken cancellationToken)
        {
            log.Add("Search", change);
            if (!armed || change.Change.Kind != ContentChangeKind.Published)
            {
                return;
            }

            armed = false;
            Inner = cache.ApplyAsync(new ContentChange(ContentChangeKind.Loaded, [], AffectsPublished: true), cancellationToken);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (cache.Current.Generation <= change.Current.Generation && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10, cancellationToken);
            }

            SwappedWhileObserving = cache.Current.Generation > change.Current.Generation;
            log.Add("Search (end)", change);
        }
    }
}
