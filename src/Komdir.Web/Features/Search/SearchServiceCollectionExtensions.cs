using Komdir.Cms.Published;
using Komdir.Web.Features.Search;

// In the DI namespace, as ASP.NET Core's own Add… extensions are, so Program.cs needs no using for it.
namespace Microsoft.Extensions.DependencyInjection;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// The site search: the Lucene index of published pages (kept current on every publish and unpublish) and the
    /// service behind /soeg. The index is brought up to date at <see cref="PublishedChangeStage.Search"/>.
    /// </summary>
    public static IServiceCollection AddKomdirSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section);
        services.AddSingleton<SearchDocumentBuilder>();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchService>();
        services.AddPublishedChangeObserver<SearchIndexUpdater>(PublishedChangeStage.Search);
        services.AddHostedService<SearchIndexStartup>();
        return services;
    }
}
