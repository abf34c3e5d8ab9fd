using System.IO.Compression;
using Komdir.Cms.Content;
using Microsoft.AspNetCore.ResponseCompression;

namespace Komdir.Web.Infrastructure.OutputCaching;

public static class OutputCachingExtensions
{
    /// <summary>Whole-page output cache for public pages, evicted on publish, and Brotli/gzip compression.</summary>
    public static IServiceCollection AddKomdirOutputCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(OutputCachingOptions.Section);
        services.Configure<OutputCachingOptions>(section);
        var settings = section.Get<OutputCachingOptions>() ?? new OutputCachingOptions();

        services.AddSingleton<PublicPageOutputCachePolicy>();
        services.AddOutputCache(options =>
        {
            options.SizeLimit = settings.SizeLimitMegabytes * 1024 * 1024;
            options.DefaultExpirationTimeSpan = settings.Duration;
            options.AddBasePolicy(builder => builder.AddPolicy<PublicPageOutputCachePolicy>());
        });
        services.AddSingleton<IContentChangeHandler, OutputCacheEvictionHandler>();

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

    public static WebApplication UseKomdirOutputCaching(this WebApplication app)
    {
        // Compression outside the cache: the cache holds one uncompressed copy and each reader gets their encoding.
        // The backoffice is left uncompressed: its pages carry antiforgery tokens (BREACH).
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/backoffice"), branch => branch.UseResponseCompression());
        if (app.Configuration.GetSection(OutputCachingOptions.Section).Get<OutputCachingOptions>()?.Enabled ?? true)
        {
            app.UseOutputCache();
        }

        app.UseMiddleware<PublicPageValidationMiddleware>();
        return app;
    }
}
