using System.Collections.Concurrent;
using Komdir.Cms.Published;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Komdir.Web.Infrastructure.OutputCaching;

/// <summary>What a cached page is found by: the full address as the reader asked for it.</summary>
public readonly record struct PublicPageKey(string Scheme, string Host, string Path, string Query)
{
    public static PublicPageKey For(HttpRequest request) =>
        new(request.Scheme, request.Host.Value ?? string.Empty, request.PathBase.HasValue ? request.PathBase.Value + request.Path.Value : request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty);
}

/// <summary>
/// A rendered public page as it is replayed to readers: the body in each encoding it is served in, its ETag, the
/// headers the pipeline gave it, and the tags of the content it shows.
/// </summary>
public sealed record CachedPublicPage
{
    public required byte[] Body { get; init; }

    public required byte[] Brotli { get; init; }

    public required byte[] Gzip { get; init; }

    public required StringValues ETag { get; init; }

    /// <summary>Response headers as the pipeline set them (Content-Type, Cache-Control, security headers, …).</summary>
    public required KeyValuePair<string, StringValues>[] Headers { get; init; }

    public required IReadOnlySet<string> Tags { get; init; }

    /// <summary>When the page was stored, as a <see cref="TimeProvider"/> timestamp; set by <see cref="PublicPageCache.TryStore"/>.</summary>
    public long StoredAt { get; init; }

    /// <summary>The timestamp after which the page is no longer served; set by <see cref="PublicPageCache.TryStore"/>.</summary>
    public long ExpiresAt { get; init; }

    public long Size => Body.Length + Brotli.Length + Gzip.Length;
}

/// <summary>
/// Whole public pages in memory, tagged by the page and its ancestors (Umbraco's website output cache is the model)
/// and evicted by tag when something published changes. Read on every anonymous page request before the rest of
/// the pipeline runs (<see cref="PublicPageCacheMiddleware"/>), so a hit costs one dictionary lookup.
/// </summary>
public sealed class PublicPageCache(PublishedContentCache published, IOptions<OutputCachingOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<PublicPageKey, CachedPublicPage> pages = new();

    // Stores and evictions take this lock; lookups do not. It makes "is the snapshot I rendered still current?"
    // and the store one step, so a page rendered before a publish can never be stored after its eviction.
    private readonly Lock writeLock = new();
    private long totalBytes;
    private long hits;
    private long misses;

    public int Count => pages.Count;

    /// <summary>Whole seconds since the page was stored: the Age a shared cache reports.</summary>
    public long AgeInSeconds(CachedPublicPage page) => (long)clock.GetElapsedTime(page.StoredAt).TotalSeconds;

    public long TotalBytes => Interlocked.Read(ref totalBytes);

    /// <summary>Lookups answered from the cache, for the komdir.page_cache.hits metric.</summary>
    public long Hits => Interlocked.Read(ref hits);

    /// <summary>Lookups the cache could not answer (not stored or expired), for komdir.page_cache.misses.</summary>
    public long Misses => Interlocked.Read(ref misses);

    public bool TryGet(PublicPageKey key, out CachedPublicPage page)
    {
        if (pages.TryGetValue(key, out page!))
        {
            if (clock.GetTimestamp() < page.ExpiresAt)
            {
                Interlocked.Increment(ref hits);
                return true;
            }

            Remove(key, page);
        }

        Interlocked.Increment(ref misses);
        return false;
    }

    /// <summary>
    /// Stores the page for the configured duration, unless the published snapshot has changed since
    /// <paramref name="renderedGeneration"/> (the page may show content that is no longer published) or the cache is full.
    /// </summary>
    public bool TryStore(PublicPageKey key, CachedPublicPage page, long renderedGeneration)
    {
        var limit = options.Value.SizeLimitMegabytes * 1024 * 1024;
        var now = clock.GetTimestamp();
        page = page with { StoredAt = now, ExpiresAt = now + (long)(options.Value.Duration.TotalSeconds * clock.TimestampFrequency) };
        lock (writeLock)
        {
            if (published.Current.Generation != renderedGeneration)
            {
                return false;
            }

            if (totalBytes + page.Size > limit)
            {
                // Full: addresses with a query (searches, filters) go first, as anyone can make up new ones; pages
                // named by their path alone are few and come back on their next request.
                EvictWhere(static (key, _) => key.Query.Length > 0);
                if (totalBytes + page.Size > limit)
                {
                    EvictWhere(static (_, _) => true);
                }

                if (page.Size > limit)
                {
                    return false;
                }
            }

            if (pages.TryGetValue(key, out var previous))
            {
                totalBytes -= previous.Size;
            }

            pages[key] = page;
            totalBytes += page.Size;
            return true;
        }
    }

    /// <summary>Evicts every page that carries any of <paramref name="tags"/>.</summary>
    public void EvictByTags(IReadOnlyCollection<string> tags)
    {
        lock (writeLock)
        {
            EvictWhere((_, page) => page.Tags.Overlaps(tags));
        }
    }

    public void Clear()
    {
        lock (writeLock)
        {
            EvictWhere(static (_, _) => true);
        }
    }

    private void EvictWhere(Func<PublicPageKey, CachedPublicPage, bool> predicate)
    {
        foreach (var (key, page) in pages)
        {
            if (predicate(key, page) && pages.TryRemove(new KeyValuePair<PublicPageKey, CachedPublicPage>(key, page)))
            {
                totalBytes -= page.Size;
            }
        }
    }

    private void Remove(PublicPageKey key, CachedPublicPage page)
    {
        lock (writeLock)
        {
            if (pages.TryRemove(new KeyValuePair<PublicPageKey, CachedPublicPage>(key, page)))
            {
                totalBytes -= page.Size;
            }
        }
    }
}
