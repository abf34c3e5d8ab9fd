using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Komdir.Web.Infrastructure;

public static class HealthCheckExtensions
{
    /// <summary>Checks tagged "ready" decide readiness; liveness runs none.</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddKomdirHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<SiteCanServeHealthCheck>("site", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// /healthz/live: 200 while the process answers at all (restart it when this fails; it checks nothing else, so
    /// a database outage does not make an orchestrator kill every node). /healthz/ready: 200 when the site can serve
    /// (database reachable, published content loaded), 503 otherwise (take it out of the load balancer).
    /// /healthz: every check, as before.
    /// </summary>
    public static WebApplication MapKomdirHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz").DisableHttpMetrics();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).DisableHttpMetrics();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).DisableHttpMetrics();
        return app;
    }

    private sealed class SiteCanServeHealthCheck(IDbContextFactory<CmsDbContext> dbFactory, PublishedContentCache cache) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (cache.Current.SiteRoot is null)
            {
                return HealthCheckResult.Unhealthy("No published site root.");
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Database unreachable.");
        }
    }
}
