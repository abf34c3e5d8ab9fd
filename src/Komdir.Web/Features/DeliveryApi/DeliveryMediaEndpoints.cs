using Komdir.Cms.Media;
using Microsoft.AspNetCore.Mvc;

namespace Komdir.Web.Features.DeliveryApi;

/// <summary>
/// Umbraco's Media Delivery API over KOMDIR's media library. The library is flat: every item is a child of the media
/// root ("children:/") and has no children of its own.
/// </summary>
public static class DeliveryMediaEndpoints
{
    public static async Task<IResult> QueryAsync(
        [FromQuery] string? fetch,
        [FromQuery] string[]? filter,
        [FromQuery] string[]? sort,
        [FromQuery] int? skip,
        [FromQuery] int? take,
        [FromQuery] string[]? expand,
        [FromQuery] string[]? fields,
        MediaService media,
        CancellationToken cancellationToken)
    {
        var (query, error) = DeliveryQuery.Parse(fetch, filter, sort, skip, take, expand, fields, media: true);
        if (query is null)
        {
            return DeliveryApiEndpoints.BadRequest(error!);
        }

        IEnumerable<MediaSummary> selected = [];
        if (query.Fetch.Target == "/")
        {
            selected = (await media.ListAsync(cancellationToken)).OrderBy(m => m.CreatedUtc).ThenBy(m => m.Key);
        }

        foreach (var condition in query.Filters)
        {
            selected = selected.Where(m => Matches(m, condition));
        }

        var ordered = Sort(selected, query.Sorts).ToList();
        var items = ordered.Skip(query.Skip).Take(query.Take).Select(m => DeliveryMediaShape.Write(m, withPathAndDates: true)).ToList();
        return DeliveryApiEndpoints.Json(new ApiPagedMedia(ordered.Count, items));
    }

    public static async Task<IResult> GetByIdAsync(Guid id, [FromQuery] string[]? expand, [FromQuery] string[]? fields, MediaService media, CancellationToken cancellationToken)
    {
        var (_, error) = DeliveryApiEndpoints.ParseSelections(expand, fields);
        if (error is not null)
        {
            return DeliveryApiEndpoints.BadRequest(error);
        }

        var item = await media.GetAsync(id, cancellationToken);
        return item is null
            ? DeliveryApiEndpoints.NotFound("Der findes intet medie med dette id.")
            : DeliveryApiEndpoints.Json(DeliveryMediaShape.Write(item, withPathAndDates: true));
    }

    public static async Task<IResult> GetByPathAsync(string? path, [FromQuery] string[]? expand, [FromQuery] string[]? fields, MediaService media, CancellationToken cancellationToken)
    {
        var (_, error) = DeliveryApiEndpoints.ParseSelections(expand, fields);
        if (error is not null)
        {
            return DeliveryApiEndpoints.BadRequest(error);
        }

        var wanted = "/" + Uri.UnescapeDataString(path ?? "").Trim('/') + "/";
        var item = (await media.ListAsync(cancellationToken)).FirstOrDefault(m => string.Equals(DeliveryMediaShape.PathOf(m), wanted, StringComparison.OrdinalIgnoreCase));
        return item is null
            ? DeliveryApiEndpoints.NotFound("Der findes intet medie med denne sti.")
            : DeliveryApiEndpoints.Json(DeliveryMediaShape.Write(item, withPathAndDates: true));
    }

    public static async Task<IResult> GetItemsAsync([FromQuery(Name = "id")] Guid[]? id, [FromQuery] string[]? expand, [FromQuery] string[]? fields, MediaService media, CancellationToken cancellationToken)
    {
        var (_, error) = DeliveryApiEndpoints.ParseSelections(expand, fields);
        if (error is not null)
        {
            return DeliveryApiEndpoints.BadRequest(error);
        }

        var items = new List<ApiMediaItem>();
        foreach (var key in (id ?? []).Distinct())
        {
            if (await media.GetAsync(key, cancellationToken) is { } item)
            {
                items.Add(DeliveryMediaShape.Write(item, withPathAndDates: true));
            }
        }

        return DeliveryApiEndpoints.Json(items);
    }

    private static bool Matches(MediaSummary item, ContentFilter filter)
    {
        var match = filter.Field == "name"
            ? item.Name.Contains(filter.Values[0], StringComparison.CurrentCultureIgnoreCase)
            : filter.Values.Any(alias => DeliveryMediaShape.MediaTypeOf(item).Equals(alias, StringComparison.OrdinalIgnoreCase));
        return filter.Negate ? !match : match;
    }

    private static IEnumerable<MediaSummary> Sort(IEnumerable<MediaSummary> items, IReadOnlyList<ContentSort> sorts)
    {
        IOrderedEnumerable<MediaSummary>? ordered = null;
        foreach (var sort in sorts)
        {
            ordered = sort.Field switch
            {
                "name" => DeliveryApiEndpoints.Then(ordered, items, m => m.Name, sort.Descending, DeliveryApiEndpoints.NameComparer),
                "updateDate" => DeliveryApiEndpoints.Then(ordered, items, m => m.UpdatedUtc, sort.Descending, Comparer<DateTimeOffset>.Default),
                // The library has no manual order: sortOrder is the order of upload, as createDate.
                _ => DeliveryApiEndpoints.Then(ordered, items, m => m.CreatedUtc, sort.Descending, Comparer<DateTimeOffset>.Default),
            };
        }

        return ordered ?? items;
    }
}
