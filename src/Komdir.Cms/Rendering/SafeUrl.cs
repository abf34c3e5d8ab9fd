namespace Komdir.Cms.Rendering;

/// <summary>
/// The one allow-list every link and image address in editors' text passes before it reaches a page, a preview, the
/// feed or the Delivery API: http, https, mailto, tel and relative addresses. Anything else (javascript:, vbscript:,
/// data:, file:, unknown schemes) is refused.
/// </summary>
public static class SafeUrl
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>True when <paramref name="url"/> may be used as an href or src.</summary>
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers drop leading/trailing C0 controls and spaces and every tab or newline inside an address before
        // they look for the scheme ("java\tscript:" is javascript:), so the check sees what the browser will see.
        var normalised = Normalise(url);
        if (normalised.Length == 0)
        {
            return true;
        }

        if (normalised[0] is '/' or '\\' or '#' or '?' or '.')
        {
            return true;
        }

        var colon = normalised.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        // A ':' after a path, query or fragment character is not a scheme separator ("a/b:c" is relative).
        var firstDelimiter = normalised.IndexOfAny(['/', '?', '#', '\\']);
        if (firstDelimiter >= 0 && firstDelimiter < colon)
        {
            return true;
        }

        var scheme = normalised[..colon];
        return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary><paramref name="url"/> when allowed, otherwise the harmless "#".</summary>
    public static string OrFragment(string? url) => IsAllowed(url) ? url ?? "" : "#";

    private static string Normalise(string url)
    {
        var chars = new System.Text.StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            chars.Append(c);
        }

        return chars.ToString().Trim(TrimmedByBrowsers);
    }

    private static readonly char[] TrimmedByBrowsers = BuildTrimmed();

    private static char[] BuildTrimmed()
    {
        var trimmed = new char[0x21];
        for (var c = 0; c <= 0x20; c++)
        {
            trimmed[c] = (char)c;
        }

        return trimmed;
    }
}
