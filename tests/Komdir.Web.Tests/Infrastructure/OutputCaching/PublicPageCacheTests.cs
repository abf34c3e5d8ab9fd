using Komdir.Cms.Published;
using Komdir.Web.Infrastructure.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Komdir.Web.Tests.Infrastructure.OutputCaching;

/// <summary>The store behind the public page cache: generations, tags, expiry and its size limit.</summary>
public sealed class PublicPageCacheTests
{
    private readonly ManualClock clock = new();
    private readonly SampleSite site = new();
    private readonly PublishedContentCache published;

    public PublicPageCacheTests() => published = TestSnapshot.CacheWith(site.Snapshot);

    [Fact]
    public void A_stored_page_is_found_by_its_exact_address()
    {
        var cache = NewCache();
        Assert.True(cache.TryStore(Key("/strategi"), Page(100), published.Current.Generation));

        Assert.True(cache.TryGet(Key("/strategi"), out var found));
        Assert.Equal(100, found.Body.Length);
        Assert.False(cache.TryGet(Key("/strategi", "?type=x"), out _));
        Assert.False(cache.TryGet(Key("/strategi") with { Host = "other.example" }, out _));
        Assert.False(cache.TryGet(Key("/strategi") with { Scheme = "https" }, out _));
    }

    [Fact]
    public void A_page_rendered_from_an_older_snapshot_is_not_stored()
    {
        var cache = NewCache();
        var renderedFrom = published.Current.Generation;

        // A publish lands while the page renders.
        published.UseSnapshot(new TestSnapshot().Build(generation: renderedFrom + 1));

        Assert.False(cache.TryStore(Key("/strategi"), Page(100), renderedFrom));
        Assert.False(cache.TryGet(Key("/strategi"), out _));
        Assert.Equal(0, cache.TotalBytes);
    }

    [Fact]
    public void Evicting_a_tag_removes_only_the_pages_that_carry_it()
    {
        var cache = NewCache();
        var generation = published.Current.Generation;
        cache.TryStore(Key("/a"), Page(10, "node:a", "node:parent"), generation);
        cache.TryStore(Key("/b"), Page(10, "node:b", "node:parent"), generation);
        cache.TryStore(Key("/c"), Page(10, "node:c"), generation);

        cache.EvictByTags(["node:parent"]);

        Assert.False(cache.TryGet(Key("/a"), out _));
        Assert.False(cache.TryGet(Key("/b"), out _));
        Assert.True(cache.TryGet(Key("/c"), out _));
        Assert.Equal(Page(10).Size, cache.TotalBytes);
    }

    [Fact]
    public void A_page_is_not_served_after_its_lifetime()
    {
        var cache = NewCache(duration: TimeSpan.FromMinutes(10));
        cache.TryStore(Key("/a"), Page(10), published.Current.Generation);

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.True(cache.TryGet(Key("/a"), out var page));
        Assert.Equal(540, cache.AgeInSeconds(page));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(cache.TryGet(Key("/a"), out _));
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.TotalBytes);
    }

    [Fact]
    public void When_full_addresses_with_a_query_make_room_first()
    {
        // 1 MB limit; pages of 300 000 bytes in three encodings (Page() gives each encoding the same length).
        var cache = NewCache(sizeLimitMegabytes: 1);
        var generation = published.Current.Generation;
        Assert.True(cache.TryStore(Key("/soeg", "?q=en"), Page(100_000), generation));
        Assert.True(cache.TryStore(Key("/strategi"), Page(100_000), generation));
        Assert.True(cache.TryStore(Key("/soeg", "?q=to"), Page(100_000), generation));

        Assert.True(cache.TryStore(Key("/om"), Page(100_000), generation));

        Assert.True(cache.TryGet(Key("/strategi"), out _));
        Assert.True(cache.TryGet(Key("/om"), out _));
        Assert.False(cache.TryGet(Key("/soeg", "?q=en"), out _));
        Assert.False(cache.TryGet(Key("/soeg", "?q=to"), out _));
        Assert.True(cache.TotalBytes <= 1024 * 1024);
    }

    [Fact]
    public void A_page_larger_than_the_whole_cache_is_never_stored()
    {
        var cache = NewCache(sizeLimitMegabytes: 1);
        Assert.False(cache.TryStore(Key("/stor"), Page(400_000), published.Current.Generation));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Storing_a_page_again_replaces_it_and_counts_its_size_once()
    {
        var cache = NewCache();
        var generation = published.Current.Generation;
        cache.TryStore(Key("/a"), Page(10), generation);
        cache.TryStore(Key("/a"), Page(20), generation);

        Assert.Equal(1, cache.Count);
        Assert.Equal(Page(20).Size, cache.TotalBytes);
    }

    private PublicPageCache NewCache(long sizeLimitMegabytes = 64, TimeSpan? duration = null) =>
        new(published, Options.Create(new OutputCachingOptions { SizeLimitMegabytes = sizeLimitMegabytes, Duration = duration ?? TimeSpan.FromMinutes(10) }), clock);

    private static PublicPageKey Key(string path, string query = "") => new("http", "localhost", path, query);

    private static CachedPublicPage Page(int length, params string[] tags) => new()
    {
        Body = new byte[length],
        Brotli = new byte[length],
        Gzip = new byte[length],
        ETag = "W/\"x\"",
        Headers = [new("Content-Type", new StringValues("text/html"))],
        Tags = new HashSet<string>(tags),
    };

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
