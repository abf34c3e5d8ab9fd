using System.Globalization;
using System.Text.Json.Nodes;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Published;
using Komdir.Cms.Rendering;
using Komdir.Web.Features.Press;

namespace Komdir.Web.Features.DeliveryApi;

/// <summary>
/// Shapes published content as Umbraco's Delivery API does: Markdown as rendered markup (like the rich text
/// editor's { markup, blocks }), lists as arrays, dates as ISO 8601, links as objects that expand only on request.
/// </summary>
public sealed class DeliveryContentWriter(MarkdownRenderer markdown, MediaLinks media)
{
    public async Task<ApiContentItem> WriteAsync(IPublishedContent content, PublishedSnapshot snapshot, ExpandSpec expand, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var property in content.ContentType.Properties)
        {
            var value = content.Values.GetValueOrDefault(property.Alias);
            properties[property.Alias] = await PropertyValueAsync(property, value, snapshot, expand.Expands(property.Alias), cancellationToken);
        }

        return Shape(content, snapshot, properties);
    }

    /// <summary>The item without its properties: what an unexpanded content link shows.</summary>
    public ApiContentItem WriteReference(IPublishedContent content, PublishedSnapshot snapshot) =>
        Shape(content, snapshot, new Dictionary<string, JsonNode?>());

    private static ApiContentItem Shape(IPublishedContent content, PublishedSnapshot snapshot, IDictionary<string, JsonNode?> properties)
    {
        var root = RootOf(content) ?? snapshot.SiteRoot;
        var path = content.Url is null ? "" : content.Url == "/" ? "/" : content.Url + "/";
        var startItem = new ApiStartItem(root?.Key ?? content.Key, root?.UrlSegment ?? "");
        return new ApiContentItem(content.Key, content.Name, content.ContentType.Alias, content.CreateDate, content.UpdateDate, new ApiRoute(path, startItem), properties, new Dictionary<string, JsonNode?>());
    }

    private async Task<JsonNode?> PropertyValueAsync(PropertyType property, object? value, PublishedSnapshot snapshot, bool expand, CancellationToken cancellationToken)
    {
        switch (property.Editor)
        {
            case PropertyEditor.Markdown:
                return value is string text && !string.IsNullOrWhiteSpace(text)
                    ? new JsonObject { ["markup"] = markdown.ToHtml(text), ["blocks"] = new JsonArray() }
                    : null;
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
                return value is Guid contentKey ? await ContentLinkAsync(contentKey, snapshot, expand, cancellationToken) : null;
            case PropertyEditor.Media:
                return value is Guid mediaKey ? await MediaLinkAsync(mediaKey, cancellationToken) : null;
            default:
                return null;
        }
    }

    private async Task<JsonNode?> ContentLinkAsync(Guid key, PublishedSnapshot snapshot, bool expand, CancellationToken cancellationToken)
    {
        var target = snapshot.GetByKey(key);
        if (target is null)
        {
            // Unpublished or deleted: readers of the API must not learn anything about it.
            return null;
        }

        var item = expand
            ? await WriteAsync(target, snapshot, ExpandSpec.None, cancellationToken)
            : WriteReference(target, snapshot);
        return System.Text.Json.JsonSerializer.SerializeToNode(item, DeliveryJson.Options);
    }

    private async Task<JsonNode?> MediaLinkAsync(Guid key, CancellationToken cancellationToken)
    {
        var link = await media.FindAsync(key, cancellationToken);
        if (link is null)
        {
            return null;
        }

        var extension = Path.GetExtension(link.Url).TrimStart('.').ToLowerInvariant();
        return new JsonObject
        {
            ["id"] = key,
            ["name"] = link.Name,
            ["mediaType"] = "File",
            ["url"] = link.Url,
            ["extension"] = extension.Length > 0 ? extension : null,
            ["bytes"] = link.Size,
            ["properties"] = new JsonObject(),
        };
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
