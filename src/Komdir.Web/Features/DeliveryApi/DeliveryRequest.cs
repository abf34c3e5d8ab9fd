using System.Security.Cryptography;
using System.Text;
using Komdir.Cms.Published;

namespace Komdir.Web.Features.DeliveryApi;

/// <summary>The Delivery API's settings, from the "DeliveryApi" configuration section.</summary>
public sealed class DeliveryApiOptions
{
    public const string Section = "DeliveryApi";

    /// <summary>
    /// The key a client sends in the <c>Api-Key</c> header to read drafts (<c>Preview: true</c>), as in Umbraco. Empty (the
    /// default) turns preview off: drafts are never readable without a key the secretariat has chosen.
    /// </summary>
    public string? PreviewApiKey { get; set; }
}

/// <summary>What the Umbraco-style request headers ask for: <c>Start-Item</c>, <c>Preview</c> and <c>Api-Key</c>.</summary>
public static class DeliveryRequest
{
    /// <summary>True when the request asks for drafts.</summary>
    public static bool WantsPreview(string? previewHeader) =>
        string.Equals(previewHeader?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when preview is switched on and <paramref name="apiKey"/> is its key (compared in constant time).</summary>
    public static bool MayPreview(DeliveryApiOptions options, string? apiKey)
    {
        if (string.IsNullOrEmpty(options.PreviewApiKey) || string.IsNullOrEmpty(apiKey))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(options.PreviewApiKey), Encoding.UTF8.GetBytes(apiKey));
    }

    /// <summary>
    /// The node paths are relative to: the site root without a <c>Start-Item</c> header; otherwise the published node it
    /// names by id, by a root's URL segment (e.g. "forside") or by its path. Null with an error when it names nothing.
    /// </summary>
    public static (IPublishedContent? StartItem, string? Error) ResolveStartItem(PublishedSnapshot snapshot, string? startItemHeader)
    {
        if (string.IsNullOrWhiteSpace(startItemHeader))
        {
            return (snapshot.SiteRoot, null);
        }

        var value = startItemHeader.Trim();
        var found = snapshot.Roots.FirstOrDefault(root => string.Equals(root.UrlSegment, value.Trim('/'), StringComparison.OrdinalIgnoreCase))
            ?? DeliveryApiEndpoints.Resolve(snapshot, value);
        return found is null || found.Url is null
            ? (null, $"Start-Item \"{value}\" findes ikke blandt det udgivne indhold.")
            : (found, null);
    }
}
