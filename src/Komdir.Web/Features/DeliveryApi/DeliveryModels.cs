using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Komdir.Web.Features.DeliveryApi;

/// <summary>The start item of a route: the site root, as Umbraco names it.</summary>
public sealed record ApiStartItem(Guid Id, string Path);

/// <summary>A content item's route; <c>Path</c> ends with "/" as Umbraco's do.</summary>
public sealed record ApiRoute(string Path, ApiStartItem StartItem);

/// <summary>One published content item, shaped like Umbraco's Content Delivery API v2 item.</summary>
public sealed record ApiContentItem(
    Guid Id,
    string Name,
    string ContentType,
    DateTimeOffset CreateDate,
    DateTimeOffset UpdateDate,
    ApiRoute Route,
    IDictionary<string, JsonNode?> Properties,
    IDictionary<string, JsonNode?> Cultures);

/// <summary>A page of query results.</summary>
public sealed record ApiPagedContent(long Total, IReadOnlyList<ApiContentItem> Items);

/// <summary>Umbraco's focal point of an image, as fractions of its width and height.</summary>
public sealed record ApiFocalPoint(double Left, double Top);

/// <summary>One named crop of an image.</summary>
public sealed record ApiCrop(string? Alias, int Width, int Height, ApiCropCoordinates Coordinates);

public sealed record ApiCropCoordinates(double X1, double Y1, double X2, double Y2);

/// <summary>
/// A media item in Umbraco's "media with crops" shape. Path and dates are written by the Media Delivery API and left
/// out inside a media picker's value, as in Umbraco.
/// </summary>
public sealed record ApiMediaItem(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? CreateDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? UpdateDate,
    ApiFocalPoint? FocalPoint,
    IReadOnlyList<ApiCrop>? Crops,
    Guid Id,
    string? Name,
    string? MediaType,
    string? Url,
    string? Extension,
    int? Width,
    int? Height,
    long? Bytes,
    IDictionary<string, JsonNode?>? Properties);

/// <summary>A page of media query results.</summary>
public sealed record ApiPagedMedia(long Total, IReadOnlyList<ApiMediaItem> Items);
