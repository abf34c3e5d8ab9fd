using System.Diagnostics.Metrics;
using System.Net;
using Komdir.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Komdir.Web.Tests.Infrastructure;

/// <summary>Issue #16.5: the site's metrics count what happens, OpenTelemetry exports only when configured, health endpoints apart.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Page_cache_hits_and_misses_searches_and_publishes_are_measured()
    {
        using var factory = new KomdirWebApplicationFactory();
        using var client = factory.CreateClient();
        using var measurements = new Measurements(factory.Services.GetRequiredService<KomdirMetrics>().Meter);

        await client.GetAsync(TestContent.FocusAreaPath);
        await client.GetAsync(TestContent.FocusAreaPath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/soeg?q=strategi")).StatusCode);
        await TestContent.RenameAndPublishAsync(factory.Services, TestContent.FocusAreaKey, "Navn til målingen");

        Assert.True(measurements.Latest("komdir.page_cache.misses") >= 1);
        Assert.True(measurements.Latest("komdir.page_cache.hits") >= 1);
        Assert.Equal(1, measurements.Sum("komdir.search.queries"));
        Assert.Equal(1, measurements.Sum("komdir.content.changes", kind: "Published"));
    }

    [Fact]
    public async Task A_cached_page_adds_a_hit_and_not_a_miss()
    {
        using var factory = new KomdirWebApplicationFactory();
        using var client = factory.CreateClient();
        await client.GetAsync(TestContent.FocusAreaPath);
        using var measurements = new Measurements(factory.Services.GetRequiredService<KomdirMetrics>().Meter);
        var hitsBefore = measurements.Latest("komdir.page_cache.hits");
        var missesBefore = measurements.Latest("komdir.page_cache.misses");

        await client.GetAsync(TestContent.FocusAreaPath);

        Assert.Equal(hitsBefore + 1, measurements.Latest("komdir.page_cache.hits"));
        Assert.Equal(missesBefore, measurements.Latest("komdir.page_cache.misses"));
    }

    [Fact]
    public void Nothing_is_exported_unless_configured()
    {
        using var factory = new KomdirWebApplicationFactory();

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void An_otlp_endpoint_turns_on_metrics_and_traces()
    {
        using var factory = new KomdirWebApplicationFactory();
        factory.Settings["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317";

        Assert.NotNull(factory.Services.GetService<TracerProvider>());
        Assert.NotNull(factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_apart_from_healthz()
    {
        using var factory = new KomdirWebApplicationFactory();
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    /// <summary>Listens to one host's meter only, so parallel test hosts never mix their counts.</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly List<(string Name, long Value, string? Kind)> recorded = [];
        private readonly Lock gate = new();

        public Measurements(Meter meter)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                string? kind = null;
                foreach (var tag in tags)
                {
                    if (tag.Key == "komdir.change.kind")
                    {
                        kind = tag.Value as string;
                    }
                }

                lock (gate)
                {
                    recorded.Add((instrument.Name, value, kind));
                }
            });
            listener.Start();
        }

        /// <summary>The current value of an observable counter.</summary>
        public long Latest(string name)
        {
            listener.RecordObservableInstruments();
            lock (gate)
            {
                return recorded.Last(r => r.Name == name).Value;
            }
        }

        public long Sum(string name, string? kind = null)
        {
            lock (gate)
            {
                return recorded.Where(r => r.Name == name && (kind is null || r.Kind == kind)).Sum(r => r.Value);
            }
        }

        public void Dispose() => listener.Dispose();
    }
}
