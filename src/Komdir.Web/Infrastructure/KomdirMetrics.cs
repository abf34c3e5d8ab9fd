using Komdir.Cms.Published;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Komdir.Cms.Content;
using Komdir.Web.Infrastructure.OutputCaching;

namespace Komdir.Web.Infrastructure;

/// <summary>
/// The site's own instruments, on the meter and activity source named <see cref="Name"/>: page-cache hits and
/// misses, content changes (publishes), searches, and changes received from other nodes or processes (the cluster
/// listener on PostgreSQL, change polling on SQLite). They cost next to nothing until something listens
/// (OpenTelemetry when configured, see <see cref="TelemetryExtensions"/>, or a MeterListener in tests).
/// </summary>
public sealed class KomdirMetrics
{
    public const string Name = "Komdir";

    /// <summary>Activities (trace spans) of the site's own work; one source per process, as .NET recommends.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Counter<long> contentChanges;
    private readonly Counter<long> remoteChanges;
    private readonly Counter<long> searches;
    private readonly Histogram<double> searchDuration;

    public KomdirMetrics(IMeterFactory meterFactory, PublicPageCache pageCache)
    {
        Meter = meterFactory.Create(Name);
        Meter.CreateObservableCounter("komdir.page_cache.hits", () => pageCache.Hits, "{request}", "Public page requests answered from the page cache.");
        Meter.CreateObservableCounter("komdir.page_cache.misses", () => pageCache.Misses, "{request}", "Cacheable public page requests the page cache could not answer.");
        Meter.CreateObservableGauge("komdir.page_cache.pages", () => pageCache.Count, "{page}", "Pages held in the page cache.");
        contentChanges = Meter.CreateCounter<long>("komdir.content.changes", "{change}", "Content changes committed on this node, by kind (Published is a publish).");
        remoteChanges = Meter.CreateCounter<long>("komdir.cluster.changes_received", "{change}", "Changes another node or process committed that this node applied.");
        searches = Meter.CreateCounter<long>("komdir.search.queries", "{query}", "Searches run against the search index.");
        searchDuration = Meter.CreateHistogram<double>("komdir.search.duration", "ms", "Time to run one search.");
    }

    /// <summary>The meter itself (tests listen to this instance only, so parallel test hosts do not mix).</summary>
    public Meter Meter { get; }

    /// <summary>Starts a "search" span and, on dispose, counts the search and records its duration.</summary>
    public SearchMeasurement MeasureSearch() => new(this, ActivitySource.StartActivity("komdir.search"), Stopwatch.GetTimestamp());

    public void ContentChanged(ContentChange change)
    {
        var kind = new KeyValuePair<string, object?>("komdir.change.kind", change.Kind.ToString());
        if (change.IsRemote)
        {
            remoteChanges.Add(1, kind);
            ActivitySource.StartActivity("komdir.cluster.change_received")?.SetTag("komdir.change.kind", change.Kind.ToString()).Dispose();
        }
        else
        {
            contentChanges.Add(1, kind);
        }
    }

    public readonly struct SearchMeasurement(KomdirMetrics metrics, Activity? activity, long started) : IDisposable
    {
        public void Dispose()
        {
            metrics.searches.Add(1);
            metrics.searchDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            activity?.Dispose();
        }
    }

    /// <summary>Counts every change the engine announces; registered as one more change handler.</summary>
    public sealed class ChangeCounter(KomdirMetrics metrics) : IPublishedChangeObserver
    {
        public Task OnPublishedAsync(PublishedChange change, CancellationToken cancellationToken)
        {
            metrics.ContentChanged(change.Change);
            return Task.CompletedTask;
        }
    }
}
