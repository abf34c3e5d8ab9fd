namespace Komdir.Cms.Published;

/// <summary>
/// An immutable view of everything published, indexed by key and by route. Readers take the current
/// snapshot once per request and never see a half-applied publish.
/// </summary>
public sealed class PublishedSnapshot
{
    private readonly Dictionary<Guid, IPublishedContent> byKey;
    private readonly Dictionary<string, IPublishedContent> byRoute;

    internal PublishedSnapshot(IReadOnlyList<IPublishedContent> roots, IReadOnlyList<IPublishedContent> all, DateTimeOffset builtUtc, long generation)
    {
        Roots = roots;
        All = all;
        BuiltUtc = builtUtc;
        Generation = generation;
        byKey = all.ToDictionary(c => c.Key);
        byRoute = new Dictionary<string, IPublishedContent>(StringComparer.OrdinalIgnoreCase);
        foreach (var content in all)
        {
            if (content.Url is not null)
            {
                byRoute.TryAdd(content.Url, content);
            }
        }

        SiteRoot = roots.FirstOrDefault(r => r.Url == "/");
    }

    public static PublishedSnapshot Empty { get; } = new([], [], DateTimeOffset.MinValue, 0);

    public IReadOnlyList<IPublishedContent> Roots { get; }

    /// <summary>Every published node, parents before children, siblings in sort order.</summary>
    public IReadOnlyList<IPublishedContent> All { get; }

    /// <summary>The routable root that answers "/".</summary>
    public IPublishedContent? SiteRoot { get; }

    public DateTimeOffset BuiltUtc { get; }

    /// <summary>Increases with every rebuild; lets caches tell snapshots apart.</summary>
    public long Generation { get; }

    public IPublishedContent? GetByKey(Guid key) => byKey.GetValueOrDefault(key);

    /// <summary>Finds a page by its path; trailing slashes and letter case do not matter.</summary>
    public IPublishedContent? GetByRoute(string? path) => byRoute.GetValueOrDefault(NormalizeRoute(path));

    public IEnumerable<T> OfType<T>() where T : PublishedModel => All.Select(c => c.Model).OfType<T>();

    public T? FirstOfType<T>() where T : PublishedModel => OfType<T>().FirstOrDefault();

    public static string NormalizeRoute(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "/";
        }

        var trimmed = path.Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed.ToLowerInvariant();
    }
}
