using Komdir.Cms.Cluster;
using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Import;
using Komdir.Cms.Media;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Komdir.Cms.Preview;
using Komdir.Cms.Rendering;
using Komdir.Cms.Scheduling;
using Komdir.Cms.Tree;
using Komdir.Cms.Versions;
using Komdir.Cms.WorkingCopies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Komdir.Cms;

public static class CmsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine: its database, content services, importer and published cache. The site adds its
    /// document types with <see cref="AddDocumentType"/>.
    /// </summary>
    public static IServiceCollection AddCms(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<CmsOptions>(configuration.GetSection(CmsOptions.Section));
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));

        var locations = DataLocations.Resolve(configuration, environment);
        services.AddSingleton(locations);
        if (locations.Provider == DatabaseOptions.PostgreSql)
        {
            services.AddDbContextFactory<PostgreSqlCmsDbContext>(options => options.UseNpgsql(locations.ConnectionString));
            services.AddSingleton<IDbContextFactory<CmsDbContext>>(sp => new DerivedDbContextFactory<PostgreSqlCmsDbContext>(sp.GetRequiredService<IDbContextFactory<PostgreSqlCmsDbContext>>()));
            services.AddPostgreSqlCluster(configuration);
        }
        else
        {
            services.AddDbContextFactory<SqliteCmsDbContext>(options => options.UseSqlite(locations.ConnectionString).AddInterceptors(new SqliteDurabilityInterceptor()));
            services.AddSingleton<IDbContextFactory<CmsDbContext>>(sp => new DerivedDbContextFactory<SqliteCmsDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteCmsDbContext>>()));
            services.AddSqliteChangePolling(configuration);
        }

        // Identity's stores want a scoped context; it comes from the same factory.
        services.AddScoped<CmsDbContext>(sp => sp.GetRequiredService<IDbContextFactory<CmsDbContext>>().CreateDbContext());

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DocumentTypeCollection(sp.GetServices<DocumentType>()));
        services.AddSingleton<PublishedSnapshotBuilder>();
        services.AddSingleton<PublishedContentCache>();
        services.AddSingleton<PublishedChangeObservers>();
        services.AddSingleton<ContentChangeNotifier>();
        services.AddSingleton<ContentService>();
        services.AddSingleton<ContentImporter>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ChangeWatermark>();
        services.AddSingleton<CmsInitializer>();
        services.AddSingleton<ScheduleService>();
        services.AddSingleton<ScheduledPublishingService>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublishingService>());
        services.AddSingleton<VersionHistoryService>();
        services.AddSingleton<ContentTreeService>();
        services.AddSingleton<PreviewService>();
        services.AddSingleton<MediaService>();
        services.AddSingleton<WorkingCopyService>();
        return services;
    }

    /// <summary>Declares a document type to the engine.</summary>
    public static IServiceCollection AddDocumentType(this IServiceCollection services, DocumentType documentType) =>
        services.AddSingleton(documentType);

    /// <summary>Hands out the provider's context typed as the provider-neutral <see cref="CmsDbContext"/>.</summary>
    private sealed class DerivedDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CmsDbContext>
        where TContext : CmsDbContext
    {
        public CmsDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<CmsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
