using Komdir.Cms.Published;
using Komdir.Cms.Content;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Komdir.Web.Infrastructure;

/// <summary>Settings of telemetry export, bound from the "Telemetry" configuration section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// The OTLP collector to send metrics and traces to, e.g. http://127.0.0.1:4317 ("Telemetry:OtlpEndpoint").
    /// The standard OTEL_EXPORTER_OTLP_ENDPOINT (and its _HEADERS, _PROTOCOL) variables work too.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Write metrics and traces to the console ("Telemetry:Console"), for a look on a development machine.</summary>
    public bool Console { get; set; }

    /// <summary>The service name in exported data ("Telemetry:ServiceName").</summary>
    public string ServiceName { get; set; } = "komdir-web";
}

public static class TelemetryExtensions
{
    /// <summary>The standard variable the OTLP exporter reads by itself.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The site's instruments (<see cref="KomdirMetrics"/>) always; OpenTelemetry (request metrics and traces from
    /// ASP.NET Core, the site's own meter and activity source) only when an exporter is configured, so an
    /// unconfigured site starts no activity per request (the cost ADR 0004 keeps off the request path).
    /// </summary>
    public static WebApplicationBuilder AddKomdirTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KomdirMetrics>();
        builder.Services.AddPublishedChangeObserver<KomdirMetrics.ChangeCounter>(PublishedChangeStage.Notifications);

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlpEndpoint = !string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? options.OtlpEndpoint
            : builder.Configuration[OtlpEndpointVariable] is { Length: > 0 } fromEnvironment ? fromEnvironment
            : null;
        if (otlpEndpoint is null && !options.Console)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(KomdirMetrics.Name);
                if (otlpEndpoint is not null)
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlpEndpoint));
                }

                if (options.Console)
                {
                    metrics.AddConsoleExporter();
                }
            })
            .WithTracing(tracing =>
            {
                // Health probes every few seconds would drown the traces that matter.
                tracing.AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                    .AddSource(KomdirMetrics.Name);
                if (otlpEndpoint is not null)
                {
                    tracing.AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlpEndpoint));
                }

                if (options.Console)
                {
                    tracing.AddConsoleExporter();
                }
            });
        return builder;
    }
}
