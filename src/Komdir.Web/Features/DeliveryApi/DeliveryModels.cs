using System.Text.Json.Nodes;

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
public sealed record ApiPagedContent(int Total, IReadOnlyList<ApiContentItem> Items);
