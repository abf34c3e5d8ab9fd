namespace Komdir.Cms.Routing;

/// <summary>
/// Addresses the system answers itself: health, feeds, search, the Delivery API, the backoffice, media and framework
/// files. No redirect may take them over, neither one an editor adds nor one recorded when a page moves.
/// </summary>
public static class ReservedPaths
{
    public static IReadOnlyList<string> Prefixes { get; } =
    [
        "/healthz", "/feed.xml", "/sitemap.xml", "/robots.txt", "/soeg", "/umbraco/delivery", "/backoffice", "/media",
        "/_framework", "/_blazor", "/_content", "/css", "/js", "/d", "/fejl",
    ];

    /// <summary>True when <paramref name="path"/> is, or lies under, a reserved address (case-insensitive).</summary>
    public static bool IsReserved(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var trimmed = path.Trim();
        foreach (var prefix in Prefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (trimmed.Length == prefix.Length || trimmed[prefix.Length] is '/' or '?' or '#'))
            {
                return true;
            }
        }

        return false;
    }
}
