using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Komdir.Web.Infrastructure;

public static class HealthCheckExtensions
{
    public static IServiceCollection AddKomdirHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<SiteCanServeHealthCheck>("site");
        return services;
    }

    /// <summary>/healthz: 200 when the site can serve (database reachable, published content loaded), 503 otherwise.</summary>
    public static WebApplication MapKomdirHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz").DisableHttpMetrics();
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
