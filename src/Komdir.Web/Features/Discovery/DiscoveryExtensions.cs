using Komdir.Cms.Published;
using Komdir.Cms.Routing;
using Komdir.Web.Features.DeliveryApi;
using Komdir.Web.Features.Press;
using Komdir.Web.Features.Strategy;

namespace Komdir.Web.Features.Discovery;

public static class DiscoveryExtensions
{
    /// <summary>Press section, feeds, sitemap, robots, head metadata, lasting links and the Delivery API.</summary>
    public static IServiceCollection AddKomdirDiscovery(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SiteOptions>(configuration.GetSection(SiteOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<SiteUrls>();
        services.AddScoped<DiscoveryDocuments>();
        services.AddSingleton<MediaLinks>();
        services.AddSingleton<ISitemapContributor, PurposeOverTimeSitemap>();
        services.AddSingleton<ISitemapContributor, Accessibility.AccessibilityStatementSitemap>();
        services.AddCmsRedirects();
        services.AddKomdirDeliveryApi();
        return services;
    }

    /// <summary>
    /// Old addresses answer 301 with the page's current URL. Place before the endpoints. Only adds the middleware: the
    /// redirect table is kept by <see cref="RedirectRecorder"/>, a published change observer registered with the services.
    /// </summary>
    public static WebApplication UseKomdirRedirects(this WebApplication app)
    {
        app.UseMiddleware<RedirectMiddleware>();
        return app;
    }

    public static WebApplication MapKomdirDiscovery(this WebApplication app)
    {
        app.MapGet("/feed.xml", (DiscoveryDocuments documents, string? type, string? periode) =>
            Results.Bytes(DiscoveryDocuments.ToUtf8(documents.Feed(type, periode)), "application/atom+xml; charset=utf-8"));
        app.MapGet("/sitemap.xml", (DiscoveryDocuments documents) =>
            Results.Bytes(DiscoveryDocuments.ToUtf8(documents.SitemapDocument()), "application/xml; charset=utf-8"));
        app.MapGet("/robots.txt", (DiscoveryDocuments documents) =>
            Results.Text(documents.Robots(), "text/plain; charset=utf-8"));

        // The lasting link: a node's key never changes, so /d/{key} survives every rename and move.
        app.MapGet("/d/{key:guid}", (Guid key, PublishedContentCache cache) =>
            cache.Current.GetByKey(key)?.Url is { } url
                ? Results.Redirect(url, permanent: true)
                : Results.NotFound());
        app.MapKomdirDeliveryApi();
        return app;
    }
}
