using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Komdir.Cms.Preview;
using Komdir.Cms.Published;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

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
/// A read-only Content Delivery API compatible with Umbraco's v2 routes: published content only, items by id or path,
/// and queries with fetch, filter, sort, skip, take and expand. Bad input answers 400 with application/problem+json.
/// </summary>
public static class DeliveryApiEndpoints
{
    public const string Prefix = "/umbraco/delivery/api/v2";
    private static readonly StringComparer DanishNames = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), true);

    public static IServiceCollection AddKomdirDeliveryApi(this IServiceCollection services)
    {
        services.AddSingleton<DeliveryContentWriter>();
        services.AddOptions<DeliveryApiOptions>().BindConfiguration(DeliveryApiOptions.Section);
        services.AddOpenApi("v2", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("umbraco/delivery/", StringComparison.OrdinalIgnoreCase) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "KOMDIR Content Delivery API",
                    Version = "v2",
                    Description = "Udgivet indhold fra KOMDIRs website, kompatibelt med Umbracos Content Delivery API v2 (kun læsning).",
                };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapKomdirDeliveryApi(this WebApplication app)
    {
        app.MapOpenApi("/umbraco/delivery/api/{documentName}/openapi.json");
        var api = app.MapGroup(Prefix + "/content").WithTags("Content");

        api.MapGet("/item/{**idOrPath}", GetItemAsync)
            .WithName("GetContentItem")
            .WithSummary("Ét udgivet indholdselement efter id (GUID) eller sti, fx strategi/2025-2027. Med Preview: true og Api-Key: kladden.")
            .Produces<ApiContentItem>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/items", GetItemsAsync)
            .WithName("GetContentItems")
            .WithSummary("Flere udgivne indholdselementer efter id; ukendte og ikke-udgivne id'er udelades. Med Preview: true og Api-Key: kladderne.")
            .Produces<ApiContentItem[]>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("", QueryAsync)
            .WithName("QueryContent")
            .WithSummary("Søg i udgivet indhold med fetch, filter, sort, skip, take og expand, som i Umbraco.")
            .Produces<ApiPagedContent>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetItemAsync(
        HttpContext http,
        string? idOrPath,
        [FromQuery] string[]? expand,
        [FromHeader(Name = "Start-Item")] string? startItem,
        [FromHeader(Name = "Preview")] string? preview,
        [FromHeader(Name = "Api-Key")] string? apiKey,
        PublishedContentCache cache,
        PreviewService previews,
        IOptions<DeliveryApiOptions> options,
        DeliveryContentWriter writer,
        CancellationToken cancellationToken)
    {
        var (spec, error) = DeliveryQuery.ParseExpand(expand);
        if (error is not null)
        {
            return BadRequest(error);
        }

        var snapshot = cache.Current;
        var (root, startError) = DeliveryRequest.ResolveStartItem(snapshot, startItem);
        if (root is null)
        {
            return BadRequest(startError!);
        }

        if (DeliveryRequest.WantsPreview(preview))
        {
            if (!DeliveryRequest.MayPreview(options.Value, apiKey))
            {
                return PreviewRefused();
            }

            // By id any draft can be read, also one never published; a path finds the node by its published route.
            var key = Guid.TryParse(idOrPath, out var id) ? id : Resolve(snapshot, idOrPath, root)?.Key;
            var draft = key is null ? null : await previews.BuildPreviewAsync(key.Value, cancellationToken);
            if (draft is null)
            {
                return Results.Problem(title: "Ikke fundet", detail: "Der findes intet indhold med dette id eller denne sti.", statusCode: StatusCodes.Status404NotFound);
            }

            NeverStore(http);
            return Json(await writer.WriteAsync(draft.Content, draft.Snapshot, spec!, cancellationToken));
        }

        var content = Resolve(snapshot, idOrPath, root);
        if (content is null)
        {
            return Results.Problem(title: "Ikke fundet", detail: "Der findes intet udgivet indhold med dette id eller denne sti.", statusCode: StatusCodes.Status404NotFound);
        }

        return Json(await writer.WriteAsync(content, snapshot, spec!, cancellationToken));
    }

    private static async Task<IResult> GetItemsAsync(
        HttpContext http,
        [FromQuery(Name = "id")] string[]? id,
        [FromQuery] string[]? expand,
        [FromHeader(Name = "Preview")] string? preview,
        [FromHeader(Name = "Api-Key")] string? apiKey,
        PublishedContentCache cache,
        PreviewService previews,
        IOptions<DeliveryApiOptions> options,
        DeliveryContentWriter writer,
        CancellationToken cancellationToken)
    {
        var wantsPreview = DeliveryRequest.WantsPreview(preview);
        if (wantsPreview && !DeliveryRequest.MayPreview(options.Value, apiKey))
        {
            return PreviewRefused();
        }

        var (spec, error) = DeliveryQuery.ParseExpand(expand);
        if (error is not null)
        {
            return BadRequest(error);
        }

        var keys = new List<Guid>();
        foreach (var value in id ?? [])
        {
            if (!Guid.TryParse(value, out var key))
            {
                return BadRequest($"\"{value}\" er ikke et gyldigt id (GUID).");
            }

            keys.Add(key);
        }

        var snapshot = cache.Current;
        var items = new List<ApiContentItem>();
        foreach (var key in keys.Distinct())
        {
            if (wantsPreview)
            {
                if (await previews.BuildPreviewAsync(key, cancellationToken) is { } draft)
                {
                    items.Add(await writer.WriteAsync(draft.Content, draft.Snapshot, spec!, cancellationToken));
                }
            }
            else if (snapshot.GetByKey(key) is { } content)
            {
                items.Add(await writer.WriteAsync(content, snapshot, spec!, cancellationToken));
            }
        }

        if (wantsPreview)
        {
            NeverStore(http);
        }

        return Json(items);
    }

    private static async Task<IResult> QueryAsync(
        [FromQuery] string? fetch,
        [FromQuery] string[]? filter,
        [FromQuery] string[]? sort,
        [FromQuery] string? skip,
        [FromQuery] string? take,
        [FromQuery] string[]? expand,
        [FromHeader(Name = "Start-Item")] string? startItem,
        [FromHeader(Name = "Preview")] string? preview,
        PublishedContentCache cache,
        DeliveryContentWriter writer,
        CancellationToken cancellationToken)
    {
        var (query, error) = DeliveryQuery.Parse(fetch, filter, sort, skip, take, expand);
        if (query is null)
        {
            return BadRequest(error!);
        }

        if (DeliveryRequest.WantsPreview(preview))
        {
            return BadRequest("Preview gælder content/item og content/items; forespørgsler viser kun udgivet indhold.");
        }

        var snapshot = cache.Current;
        var (root, startError) = DeliveryRequest.ResolveStartItem(snapshot, startItem);
        if (root is null)
        {
            return BadRequest(startError!);
        }

        var selected = Select(snapshot, query.Fetch, root);
        foreach (var condition in query.Filters)
        {
            selected = selected.Where(c => Matches(c, condition));
        }

        var ordered = Sort(selected, query.Sorts).ToList();
        var items = new List<ApiContentItem>();
        foreach (var content in ordered.Skip(query.Skip).Take(query.Take))
        {
            items.Add(await writer.WriteAsync(content, snapshot, query.Expand, cancellationToken));
        }

        return Json(new ApiPagedContent(ordered.Count, items));
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

    private static IEnumerable<IPublishedContent> Select(PublishedSnapshot snapshot, FetchSelector fetch, IPublishedContent? startItem)
    {
        if (fetch.Kind == FetchKind.All)
        {
            return snapshot.All.Where(c => c.Url is not null);
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
        var match = filter.Field == "name"
            ? content.Name.Contains(filter.Value, StringComparison.CurrentCultureIgnoreCase)
            : content.ContentType.Alias.Equals(filter.Value, StringComparison.OrdinalIgnoreCase);
        return filter.Negate ? !match : match;
    }

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

    private static IOrderedEnumerable<IPublishedContent> Then<TKey>(IOrderedEnumerable<IPublishedContent>? ordered, IEnumerable<IPublishedContent> items, Func<IPublishedContent, TKey> key, bool descending, IComparer<TKey> comparer) =>
        (ordered, descending) switch
        {
            (null, false) => items.OrderBy(key, comparer),
            (null, true) => items.OrderByDescending(key, comparer),
            (_, false) => ordered.ThenBy(key, comparer),
            _ => ordered.ThenByDescending(key, comparer),
        };

    private static IResult Json<T>(T value) => Results.Json(value, DeliveryJson.Options);

    private static IResult PreviewRefused() => Results.Problem(
        title: "Ingen adgang til kladder",
        detail: "Preview kræver headeren Api-Key med den nøgle, sekretariatet har sat i DeliveryApi:PreviewApiKey.",
        statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>Drafts are for the client that asked: no browser or proxy may keep them.</summary>
    private static void NeverStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";

    private static IResult BadRequest(string detail) =>
        Results.Problem(title: "Ugyldig forespørgsel", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
