using System.IO.Compression;
using Komdir.Cms.Published;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Komdir.Web.Infrastructure.OutputCaching;

public static class OutputCachingExtensions
{
    /// <summary>Whole-page cache for public pages, evicted on publish, and Brotli/gzip compression.</summary>
    public static IServiceCollection AddKomdirOutputCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutputCachingOptions>(configuration.GetSection(OutputCachingOptions.Section));
        services.AddSingleton<PublicPageCache>();
        services.AddSingleton<StaticAssetCache>();
        services.AddPublishedChangeObserver<OutputCacheEvictionHandler>(PublishedChangeStage.PageCache);

        services.AddResponseCompression(options =>
        {
            // Only public pages and assets are compressed (see UseKomdirOutputCaching): they hold no secrets, so
            // compressing over HTTPS gives BREACH nothing to guess.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "text/xml", "application/xml", "application/rss+xml", "application/atom+xml", "application/json", "image/svg+xml", "text/plain"];
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>
    /// Serves cached public pages. Place it first, so a hit skips everything after it; only middleware that changes
    /// what the request is (forwarded headers: scheme and host are part of the key) belongs before it.
    /// </summary>
    public static WebApplication UseKomdirPublicPageCache(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<OutputCachingOptions>>().Value.Enabled)
        {
            app.UseMiddleware<PublicPageCacheMiddleware>();
        }

        return app;
    }

    /// <summary>Compression, then ETag/304 and storing of public pages. Place just before the endpoints.</summary>
    public static WebApplication UseKomdirOutputCaching(this WebApplication app)
    {
        // Compression outside the cache: the cache holds one uncompressed copy and each reader gets their encoding.
        // The backoffice is left uncompressed: its pages carry antiforgery tokens (BREACH).
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/backoffice"), branch => branch.UseResponseCompression());
        app.UseMiddleware<PublicPageCaptureMiddleware>();
        return app;
    }
}
