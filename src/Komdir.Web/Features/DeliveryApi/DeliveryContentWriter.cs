using System.Globalization;
using System.Text.Json.Nodes;
using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Media;
using Komdir.Cms.Published;
using Komdir.Cms.Rendering;

namespace Komdir.Web.Features.DeliveryApi;

/// <summary>
/// Shapes published content as Umbraco's Delivery API does: Markdown as rendered markup in a string (as Umbraco's
/// Markdown editor), lists as arrays, dates as ISO 8601, media pickers as arrays of media with crops, content links as
/// route objects that carry their properties only when expanded.
/// </summary>
public sealed class DeliveryContentWriter(MarkdownRenderer markdown, MediaService media)
{
    public async Task<ApiContentItem> WriteAsync(IPublishedContent content, PublishedSnapshot snapshot, PropertySelection expand, PropertySelection fields, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var property in content.ContentType.Properties)
        {
            if (!fields.Includes(property.Alias))
            {
                continue;
            }

            var value = content.Values.GetValueOrDefault(property.Alias);
            properties[property.Alias] = await PropertyValueAsync(property, value, snapshot, expand, fields, cancellationToken);
        }

        return Shape(content, snapshot, properties);
    }

    /// <summary>The item without its properties: what an unexpanded content link shows.</summary>
    public static ApiContentItem WriteReference(IPublishedContent content, PublishedSnapshot snapshot) =>
        Shape(content, snapshot, new Dictionary<string, JsonNode?>());

    /// <summary>A content item's route as Umbraco writes it: the path ends with "/", the start item is the item's root.</summary>
    public static ApiRoute RouteOf(IPublishedContent content, PublishedSnapshot snapshot)
    {
        var root = RootOf(content) ?? snapshot.SiteRoot;
        var path = content.Url is null ? "" : content.Url == "/" ? "/" : content.Url + "/";
        return new ApiRoute(path, new ApiStartItem(root?.Key ?? content.Key, root?.UrlSegment ?? ""));
    }

    private static ApiContentItem Shape(IPublishedContent content, PublishedSnapshot snapshot, IDictionary<string, JsonNode?> properties) =>
        new(content.Key, content.Name, content.ContentType.Alias, content.CreateDate, content.UpdateDate, RouteOf(content, snapshot), properties, new Dictionary<string, JsonNode?>());

    private async Task<JsonNode?> PropertyValueAsync(PropertyType property, object? value, PublishedSnapshot snapshot, PropertySelection expand, PropertySelection fields, CancellationToken cancellationToken)
    {
        switch (property.Editor)
        {
            case PropertyEditor.Markdown:
                return value is string text && !string.IsNullOrWhiteSpace(text) ? JsonValue.Create(markdown.ToHtml(text)) : null;
            case PropertyEditor.Text or PropertyEditor.MultilineText:
                return value is string plain ? JsonValue.Create(plain) : null;
            case PropertyEditor.TextList:
                return value is IEnumerable<string> list ? new JsonArray(list.Select(item => (JsonNode?)JsonValue.Create(item)).ToArray()) : new JsonArray();
            case PropertyEditor.Number:
                return value is int number ? JsonValue.Create(number) : null;
            case PropertyEditor.Toggle:
                return JsonValue.Create(value as bool? ?? false);
            case PropertyEditor.Date:
                return value is DateOnly date ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;
            case PropertyEditor.ContentLink:
                return value is Guid contentKey ? await ContentLinkAsync(property.Alias, contentKey, snapshot, expand, fields, cancellationToken) : null;
            case PropertyEditor.Media:
                // Umbraco's media picker always answers an array, empty when nothing is picked or the item is gone.
                var picked = value is Guid mediaKey ? await media.GetAsync(mediaKey, cancellationToken) : null;
                return picked is null ? new JsonArray() : new JsonArray(DeliveryMediaShape.WriteNode(picked));
            default:
                return null;
        }
    }

    private async Task<JsonNode?> ContentLinkAsync(string alias, Guid key, PublishedSnapshot snapshot, PropertySelection expand, PropertySelection fields, CancellationToken cancellationToken)
    {
        var target = snapshot.GetByKey(key);
        if (target is null)
        {
            // Unpublished or deleted: readers of the API must not learn anything about it.
            return null;
        }

        var item = expand.Includes(alias)
            ? await WriteAsync(target, snapshot, expand.Nested(alias) ?? PropertySelection.None, fields.Nested(alias) ?? PropertySelection.Everything, cancellationToken)
            : WriteReference(target, snapshot);
        return System.Text.Json.JsonSerializer.SerializeToNode(item, DeliveryJson.Options);
    }

    private static IPublishedContent? RootOf(IPublishedContent content)
    {
        var current = content;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current.Url is null ? null : current;
    }
}

/// <summary>A media item in Umbraco's "media with crops" shape.</summary>
public static class DeliveryMediaShape
{
    /// <summary>Umbraco's media type alias: images are "Image", everything else (the PDFs) "File".</summary>
    public static string MediaTypeOf(MediaSummary item) => item.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? "Image" : "File";

    /// <summary>The media item's path: media live flat under the media root, named by their URL segment.</summary>
    public static string PathOf(MediaSummary item) => "/" + UrlSegments.FromName(item.Name) + "/";

    public static ApiMediaItem Write(MediaSummary item, bool withPathAndDates)
    {
        var extension = Path.GetExtension(item.FileName).TrimStart('.').ToLowerInvariant();
        // No focal point or crops are kept for KOMDIR's media; width and height are not measured (see docs/delivery-api.md).
        return new ApiMediaItem(
            withPathAndDates ? PathOf(item) : null,
            withPathAndDates ? item.CreatedUtc : null,
            withPathAndDates ? item.UpdatedUtc : null,
            null,
            [],
            item.Key,
            item.Name,
            MediaTypeOf(item),
            item.Url,
            extension.Length > 0 ? extension : null,
            null,
            null,
            item.Size,
            new Dictionary<string, JsonNode?>());
    }

    public static JsonNode WriteNode(MediaSummary item) =>
        System.Text.Json.JsonSerializer.SerializeToNode(Write(item, withPathAndDates: false), DeliveryJson.Options)!;
}
