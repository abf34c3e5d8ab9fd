using Komdir.Cms.Published;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Cms.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Several nodes on one PostgreSQL database: each sends its changes with NOTIFY and listens for the others'.
    /// Called by <see cref="CmsServiceCollectionExtensions.AddCms"/> when the provider is PostgreSQL.
    /// </summary>
    public static IServiceCollection AddPostgreSqlCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ClusterOptions.Section);
        services.Configure<ClusterOptions>(section);
        if (!(section.Get<ClusterOptions>() ?? new ClusterOptions()).Enabled)
        {
            return services;
        }

        services.AddSingleton<ClusterNode>();
        services.AddPublishedChangeObserver<PostgreSqlClusterNotifier>(PublishedChangeStage.Cluster);
        services.AddSingleton<PostgreSqlClusterListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlClusterListener>());
        return services;
    }
}
