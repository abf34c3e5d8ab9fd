using Serilog;
using Serilog.Events;

namespace Komdir.Web.Infrastructure;

public static class LoggingExtensions
{
    /// <summary>Serilog, configured from the "Serilog" section, writing structured events to the console.</summary>
    public static WebApplicationBuilder AddKomdirLogging(this WebApplicationBuilder builder)
    {
        // preserveStaticLogger: the static Log.Logger is left alone, so several hosts in one process (the multi-node tests)
        // each keep their own logger and stopping one does not silence the others.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            // Off: while this category logs at any level, ASP.NET Core starts an Activity and a logging scope for every
            // request, a tenth of the cost of serving a cached page. It only logs request start/finish (which the
            // request log below replaces) and start-up failures, which also end the process with the error on stderr.
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LevelAlias.Off)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        return builder;
    }

    /// <summary>
    /// One event per request with method, path, status and time. Deliberately no query string, client address,
    /// user name or cookies: the log must hold no personal data.
    /// </summary>
    public static WebApplication UseKomdirRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // The middleware otherwise writes to the static Log.Logger, which AddSerilog(preserveStaticLogger: true)
            // leaves silent: that is why no request was ever logged (serilog-aspnetcore#182).
            options.Logger = app.Services.GetService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/healthz") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
        return app;
    }
}
