namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>Whole-page caching of the public site, bound from the "OutputCache" configuration section.</summary>
public sealed class OutputCachingOptions
{
    public const string Section = "OutputCache";

    /// <summary>Keep rendered public pages in memory. Off only for measuring or debugging.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest a page stays cached. Publishing evicts at once, so this only bounds memory and the effect of a
    /// missed eviction.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Upper bound of the cache's memory, in megabytes.</summary>
    public long SizeLimitMegabytes { get; set; } = 64;

    /// <summary>
    /// Evict every cached page on any published change (default). The main navigation, breadcrumbs and lists show
    /// other pages, so evicting only the changed page and its ancestors can leave a stale menu elsewhere.
    /// </summary>
    public bool EvictSiteOnAnyChange { get; set; } = true;

    /// <summary>
    /// Cache-Control sent with public pages for browsers and a CDN in front. The default lets shared caches store a
    /// page but revalidate it every time (a cheap 304 via the ETag), so a publish is never hidden by a CDN.
    /// </summary>
    public string PublicCacheControl { get; set; } = "public, max-age=0, must-revalidate";
}
