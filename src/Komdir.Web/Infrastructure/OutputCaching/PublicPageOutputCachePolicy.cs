using Komdir.Cms.Published;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>
/// The output-cache policy of public pages: caches whole responses of anonymous GETs, varied by the full query
/// string, tagged with the page's key, its ancestors' keys and the site-wide tag so publishing can evict them.
/// </summary>
public sealed class PublicPageOutputCachePolicy(PublishedContentCache published, IOptions<OutputCachingOptions> options) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var cacheable = PublicPageCacheRules.IsCacheableRequest(context.HttpContext);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = options.Value.Duration;
        context.CacheVaryByRules.QueryKeys = "*";
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        // Part of the key: the published snapshot's generation. A request that was still rendering the old snapshot
        // when a publish evicted the cache stores its page under the old generation, where no later request looks,
        // so it can never bring a stale page back.
        var snapshot = published.Current;
        context.CacheVaryByRules.VaryByValues["snapshot"] = snapshot.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture);

        context.Tags.Add(PublicPageCacheRules.SiteTag);
        for (var node = snapshot.GetByRoute(context.HttpContext.Request.Path.Value); node is not null; node = node.Parent)
        {
            context.Tags.Add(PublicPageCacheRules.PageTag(node.Key));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!PublicPageCacheRules.IsCacheableResponse(context.HttpContext))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
