using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Komdir.Cms.Media;
using Komdir.Cms.Preview;
using Komdir.Cms.Published;
using Komdir.Cms.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Komdir.Web.Features.DeliveryApi;

/// <summary>JSON as the Delivery API writes it: camelCase members, property aliases as declared, Danish letters as themselves.</summary>
public static class DeliveryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DictionaryKeyPolicy = null,
    };
}

/// <summary>
/// A read-only Content and Media Delivery API on Umbraco's v2 routes, with Umbraco's operations, parameters and
/// shapes: published content only (drafts with Preview and the key), queries with fetch, filter, sort, skip, take,
/// expand and fields. Every error under /umbraco/delivery/api answers application/problem+json.
/// </summary>
public static class DeliveryApiEndpoints
{
    public const string Root = "/umbraco/delivery/api";
    public const string Prefix = Root + "/v2";
    private static readonly StringComparer DanishNames = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), true);

    public static IServiceCollection AddKomdirDeliveryApi(this IServiceCollection services)
    {
        services.AddSingleton<DeliveryContentWriter>();
        services.AddOptions<DeliveryApiOptions>().BindConfiguration(DeliveryApiOptions.Section);
        DeliveryOpenApi.Add(services);
        return services;
    }

    public static WebApplication MapKomdirDeliveryApi(this WebApplication app)
    {
        // Caching headers, and problem details for errors the framework answers without a body (405, a bad integer).
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase), branch => branch.UseMiddleware<DeliveryResponseMiddleware>());
        DeliveryOpenApi.Map(app);

        var content = app.MapGroup(Prefix + "/content").WithTags("Content");
        content.MapGet("", QueryContentAsync).WithName("GetContent2.0")
            .Produces<ApiPagedContent>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status404NotFound);
        content.MapGet("/item/{id:guid}", GetContentByIdAsync).WithName("GetContentItemById2.0")
            .Produces<ApiContentItem>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status403Forbidden).Produces(StatusCodes.Status404NotFound);
        content.MapGet("/item/{**path}", GetContentByPathAsync).WithName("GetContentItemByPath2.0")
            .Produces<ApiContentItem>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status403Forbidden).Produces(StatusCodes.Status404NotFound);
        content.MapGet("/items", GetContentItemsAsync).WithName("GetContentItems2.0")
            .Produces<ApiContentItem[]>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status403Forbidden);

        var media = app.MapGroup(Prefix + "/media").WithTags("Media");
        media.MapGet("", DeliveryMediaEndpoints.QueryAsync).WithName("GetMedia2.0")
            .Produces<ApiPagedMedia>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        media.MapGet("/item/{id:guid}", DeliveryMediaEndpoints.GetByIdAsync).WithName("GetMediaItemById2.0")
            .Produces<ApiMediaItem>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status404NotFound);
        media.MapGet("/item/{**path}", DeliveryMediaEndpoints.GetByPathAsync).WithName("GetMediaItemByPath2.0")
            .Produces<ApiMediaItem>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status404NotFound);
        media.MapGet("/items", DeliveryMediaEndpoints.GetItemsAsync).WithName("GetMediaItems2.0")
            .Produces<ApiMediaItem[]>(StatusCodes.Status200OK, "application/json");

        // Anything else under the API is JSON too, never the site's HTML 404 page.
        app.Map(Root + "/{**rest}", (HttpContext http) => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? NotFound("Delivery API'et har ingen adresse som denne.")
                : Results.Problem(title: "Metoden er ikke tilladt", detail: "Delivery API'et kan kun læses (GET).", statusCode: StatusCodes.Status405MethodNotAllowed))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> QueryContentAsync(
        HttpContext http,
        [FromQuery] string? fetch,
        [FromQuery] string[]? filter,
        [FromQuery] string[]? sort,
        [FromQuery] int? skip,
        [FromQuery] int? take,
        [FromQuery] string[]? expand,
        [FromQuery] string[]? fields,
        [FromHeader(Name = "Accept-Language")] string? acceptLanguage,
        [FromHeader(Name = "Accept-Segment")] string? acceptSegment,
        [FromHeader(Name = "Preview")] bool? preview,
        [FromHeader(Name = "Start-Item")] string? startItem,
        PublishedContentCache cache,
        PreviewService previews,
        IOptions<DeliveryApiOptions> options,
        DeliveryContentWriter writer,
        CancellationToken cancellationToken)
    {
        var (query, error) = DeliveryQuery.Parse(fetch, filter, sort, skip, take, expand, fields);
        if (query is null)
        {
            return BadRequest(error!);
        }

        if (preview == true && !MayPreview(http, options.Value))
        {
            return PreviewRefused();
        }

        var snapshot = cache.Current;
        var (root, startError) = DeliveryRequest.ResolveStartItem(snapshot, startItem);
        if (root is null)
        {
            return NotFound(startError!);
        }

        var selected = Select(snapshot, query.Fetch, root, scoped: !string.IsNullOrWhiteSpace(startItem));
        foreach (var condition in query.Filters)
        {
            selected = selected.Where(c => Matches(c, condition));
        }

        var ordered = Sort(selected, query.Sorts).ToList();
        var items = new List<ApiContentItem>();
        foreach (var found in ordered.Skip(query.Skip).Take(query.Take))
        {
            // In preview a query finds what is published and shows each item's newest version.
            var draft = preview == true ? await previews.BuildPreviewAsync(found.Key, cancellationToken) : null;
            items.Add(draft is null
                ? await writer.WriteAsync(found, snapshot, query.Expand, query.Fields, cancellationToken)
                : await writer.WriteAsync(draft.Content, draft.Snapshot, query.Expand, query.Fields, cancellationToken));
        }

        if (preview == true)
        {
            NeverStore(http);
        }

        return Json(new ApiPagedContent(ordered.Count, items));
    }

    private static Task<IResult> GetContentByIdAsync(
        HttpContext http,
        Guid id,
        [FromQuery] string[]? expand,
        [FromQuery] string[]? fields,
        [FromHeader(Name = "Accept-Language")] string? acceptLanguage,
        [FromHeader(Name = "Accept-Segment")] string? acceptSegment,
        [FromHeader(Name = "Preview")] bool? preview,
        [FromHeader(Name = "Start-Item")] string? startItem,
        PublishedContentCache cache,
        PreviewService previews,
        RedirectService redirects,
        IOptions<DeliveryApiOptions> options,
        DeliveryContentWriter writer,
        CancellationToken cancellationToken) =>
        GetContentItemAsync(http, id.ToString("D"), expand, fields, preview, startItem, cache, previews, redirects, options, writer, cancellationToken);

    private static Task<IResult> GetContentByPathAsync(
        HttpContext http,
        string? path,
        [FromQuery] string[]? expand,
        [FromQuery] string[]? fields,
        [FromHeader(Name = "Accept-Language")] string? acceptLanguage,
        [FromHeader(Name = "Accept-Segment")] string? acceptSegment,
        [FromHeader(Name = "Preview")] bool? preview,
        [FromHeader(Name = "Start-Item")] string? startItem,
        PublishedContentCache cache,
        PreviewService previews,
        RedirectService redirects,
        IOptions<DeliveryApiOptions> options,
        DeliveryContentWriter writer,
        CancellationToken cancellationToken) =>
        GetContentItemAsync(http, path ?? "", expand, fields, preview, startItem, cache, previews, redirects, options, writer, cancellationToken);

    private static async Task<IResult> GetContentItemAsync(
        HttpContext http,
        string idOrPath,
        string[]? expand,
        string[]? fields,
        bool? preview,
        string? startItem,
        PublishedContentCache cache,
        PreviewService previews,
        RedirectService redirects,
        IOptions<DeliveryApiOptions> options,
        DeliveryContentWriter writer,
        CancellationToken cancellationToken)
    {
        var (selection, error) = ParseSelections(expand, fields);
        if (selection is null)
        {
            return BadRequest(error!);
        }

        var snapshot = cache.Current;
        var (root, startError) = DeliveryRequest.ResolveStartItem(snapshot, startItem);
        if (root is null)
        {
            return NotFound(startError!);
        }

        if (preview == true)
        {
            if (!MayPreview(http, options.Value))
            {
                return PreviewRefused();
            }

            // By id any draft can be read, also one never published; a path finds the node by its published route.
            var key = Guid.TryParse(idOrPath, out var id) ? id : Resolve(snapshot, idOrPath, root)?.Key;
            var draft = key is null ? null : await previews.BuildPreviewAsync(key.Value, cancellationToken);
            if (draft is null)
            {
                return NotFound("Der findes intet indhold med dette id eller denne sti.");
            }

            NeverStore(http);
            return Json(await writer.WriteAsync(draft.Content, draft.Snapshot, selection.Value.Expand, selection.Value.Fields, cancellationToken));
        }

        var content = Resolve(snapshot, idOrPath, root);
        if (content is null)
        {
            return Guid.TryParse(idOrPath, out _) ? NotFound("Der findes intet udgivet indhold med dette id.") : RedirectOrNotFound(http, snapshot, redirects, idOrPath, root);
        }

        return Json(await writer.WriteAsync(content, snapshot, selection.Value.Expand, selection.Value.Fields, cancellationToken));
    }

    /// <summary>
    /// A moved or renamed page: 301 to its current route, with the route's start item in the Location-Start-Item-Path
    /// and Location-Start-Item-Id headers, as Umbraco answers from its redirect table.
    /// </summary>
    private static IResult RedirectOrNotFound(HttpContext http, PublishedSnapshot snapshot, RedirectService redirects, string path, IPublishedContent startItem)
    {
        var start = (startItem.Url ?? "/").TrimEnd('/');
        var target = redirects.Resolve(start + "/" + Uri.UnescapeDataString(path).Trim('/'));
        if (target is null)
        {
            return NotFound("Der findes intet udgivet indhold med denne sti.");
        }

        var moved = snapshot.GetByRoute(target.Split('?')[0]);
        if (moved is not null)
        {
            var route = DeliveryContentWriter.RouteOf(moved, snapshot);
            http.Response.Headers["Location-Start-Item-Path"] = route.StartItem.Path;
            http.Response.Headers["Location-Start-Item-Id"] = route.StartItem.Id.ToString("D");
            return Results.Redirect(route.Path, permanent: true);
        }

        return Results.Redirect(target, permanent: true);
    }

    private static async Task<IResult> GetContentItemsAsync(
        HttpContext http,
        [FromQuery(Name = "id")] Guid[]? id,
        [FromQuery] string[]? expand,
        [FromQuery] string[]? fields,
        [FromHeader(Name = "Accept-Language")] string? acceptLanguage,
        [FromHeader(Name = "Accept-Segment")] string? acceptSegment,
        [FromHeader(Name = "Preview")] bool? preview,
        [FromHeader(Name = "Start-Item")] string? startItem,
        PublishedContentCache cache,
        PreviewService previews,
        IOptions<DeliveryApiOptions> options,
        DeliveryContentWriter writer,
        CancellationToken cancellationToken)
    {
        if (preview == true && !MayPreview(http, options.Value))
        {
            return PreviewRefused();
        }

        var (selection, error) = ParseSelections(expand, fields);
        if (selection is null)
        {
            return BadRequest(error!);
        }

        var snapshot = cache.Current;
        var items = new List<ApiContentItem>();
        foreach (var key in (id ?? []).Distinct())
        {
            if (preview == true)
            {
                if (await previews.BuildPreviewAsync(key, cancellationToken) is { } draft)
                {
                    items.Add(await writer.WriteAsync(draft.Content, draft.Snapshot, selection.Value.Expand, selection.Value.Fields, cancellationToken));
                }
            }
            else if (snapshot.GetByKey(key) is { } content)
            {
                items.Add(await writer.WriteAsync(content, snapshot, selection.Value.Expand, selection.Value.Fields, cancellationToken));
            }
        }

        if (preview == true)
        {
            NeverStore(http);
        }

        return Json(items);
    }

    internal static ((PropertySelection Expand, PropertySelection Fields)? Value, string? Error) ParseSelections(string[]? expand, string[]? fields)
    {
        var (expandSelection, expandError) = PropertySelection.Parse(expand, PropertySelection.None, "expand", allowV1: true);
        if (expandSelection is null)
        {
            return (null, expandError);
        }

        var (fieldsSelection, fieldsError) = PropertySelection.Parse(fields, PropertySelection.Everything, "fields", allowV1: false);
        return fieldsSelection is null ? (null, fieldsError) : ((expandSelection, fieldsSelection), null);
    }

    /// <summary>
    /// A GUID finds any published node; anything else is a path relative to <paramref name="startItem"/> (the site root
    /// unless a Start-Item header names another node).
    /// </summary>
    public static IPublishedContent? Resolve(PublishedSnapshot snapshot, string? idOrPath, IPublishedContent? startItem = null)
    {
        if (Guid.TryParse(idOrPath, out var key))
        {
            return snapshot.GetByKey(key);
        }

        var path = Uri.UnescapeDataString(idOrPath ?? "").Trim('/');
        var start = (startItem?.Url ?? "/").TrimEnd('/');
        return snapshot.GetByRoute(start + "/" + path);
    }

    private static IEnumerable<IPublishedContent> Select(PublishedSnapshot snapshot, FetchSelector fetch, IPublishedContent startItem, bool scoped)
    {
        if (fetch.Kind == FetchKind.All)
        {
            // With a Start-Item header only that item's part of the tree, as Umbraco scopes its index.
            return scoped ? new[] { startItem }.Concat(Descendants(startItem)) : snapshot.All.Where(c => c.Url is not null);
        }

        var target = Resolve(snapshot, fetch.Target, startItem);
        if (target is null)
        {
            return [];
        }

        return fetch.Kind switch
        {
            FetchKind.Children => target.Children,
            FetchKind.Ancestors => Ancestors(target),
            _ => Descendants(target),
        };
    }

    /// <summary>From the root down to the parent, as Umbraco lists them.</summary>
    private static IEnumerable<IPublishedContent> Ancestors(IPublishedContent content)
    {
        var chain = new List<IPublishedContent>();
        for (var current = content.Parent; current is not null; current = current.Parent)
        {
            chain.Insert(0, current);
        }

        return chain;
    }

    private static IEnumerable<IPublishedContent> Descendants(IPublishedContent content)
    {
        foreach (var child in content.Children)
        {
            yield return child;
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static bool Matches(IPublishedContent content, ContentFilter filter)
    {
        var match = filter.Field switch
        {
            "name" => content.Name.Contains(filter.Values[0], StringComparison.CurrentCultureIgnoreCase),
            "createDate" => Compare(content.CreateDate, filter),
            "updateDate" => Compare(content.UpdateDate, filter),
            _ => filter.Values.Any(alias => content.ContentType.Alias.Equals(alias, StringComparison.OrdinalIgnoreCase)),
        };
        return filter.Negate ? !match : match;
    }

    internal static bool Compare(DateTimeOffset value, ContentFilter filter) => filter.Operator switch
    {
        FilterOperator.GreaterThan => value > filter.Date,
        FilterOperator.GreaterThanOrEqual => value >= filter.Date,
        FilterOperator.LessThan => value < filter.Date,
        FilterOperator.LessThanOrEqual => value <= filter.Date,
        _ => value == filter.Date,
    };

    private static IEnumerable<IPublishedContent> Sort(IEnumerable<IPublishedContent> items, IReadOnlyList<ContentSort> sorts)
    {
        IOrderedEnumerable<IPublishedContent>? ordered = null;
        foreach (var sort in sorts)
        {
            ordered = sort.Field switch
            {
                "name" => Then(ordered, items, c => c.Name, sort.Descending, DanishNames),
                "createDate" => Then(ordered, items, c => c.CreateDate, sort.Descending, Comparer<DateTimeOffset>.Default),
                "updateDate" => Then(ordered, items, c => c.UpdateDate, sort.Descending, Comparer<DateTimeOffset>.Default),
                "level" => Then(ordered, items, c => c.Level, sort.Descending, Comparer<int>.Default),
                _ => Then(ordered, items, c => c.SortOrder, sort.Descending, Comparer<int>.Default),
            };
        }

        return ordered ?? items;
    }

    internal static IOrderedEnumerable<T> Then<T, TKey>(IOrderedEnumerable<T>? ordered, IEnumerable<T> items, Func<T, TKey> key, bool descending, IComparer<TKey> comparer) =>
        (ordered, descending) switch
        {
            (null, false) => items.OrderBy(key, comparer),
            (null, true) => items.OrderByDescending(key, comparer),
            (_, false) => ordered.ThenBy(key, comparer),
            _ => ordered.ThenByDescending(key, comparer),
        };

    internal static StringComparer NameComparer => DanishNames;

    internal static IResult Json<T>(T value) => Results.Json(value, DeliveryJson.Options);

    private static bool MayPreview(HttpContext http, DeliveryApiOptions options) =>
        DeliveryRequest.MayPreview(options, http.Request.Headers["Api-Key"].ToString());

    private static IResult PreviewRefused() => Results.Problem(
        title: "Ingen adgang til kladder",
        detail: "Preview kræver headeren Api-Key med den nøgle, sekretariatet har sat i DeliveryApi:PreviewApiKey.",
        statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>Drafts are for the client that asked: no browser or proxy may keep them.</summary>
    private static void NeverStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";

    internal static IResult BadRequest(string detail) =>
        Results.Problem(title: "Ugyldig forespørgsel", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    internal static IResult NotFound(string detail) =>
        Results.Problem(title: "Ikke fundet", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
