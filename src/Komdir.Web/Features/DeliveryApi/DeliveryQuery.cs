using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Komdir.Web.Features.DeliveryApi;

public enum FetchKind
{
    All,
    Children,
    Ancestors,
    Descendants,
}

public sealed record FetchSelector(FetchKind Kind, string? Target);

public enum FilterOperator
{
    Is,
    Contains,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}

/// <summary>One <c>filter</c> value: a field, how it compares, the values (any of which may match) and whether it is negated.</summary>
public sealed record ContentFilter(string Field, FilterOperator Operator, IReadOnlyList<string> Values, bool Negate, DateTimeOffset Date = default);

public sealed record ContentSort(string Field, bool Descending);

/// <summary>A parsed content or media query, or the reason it could not be parsed.</summary>
public sealed record DeliveryQuery(FetchSelector Fetch, IReadOnlyList<ContentFilter> Filters, IReadOnlyList<ContentSort> Sorts, int Skip, int Take, PropertySelection Expand, PropertySelection Fields)
{
    public const int DefaultTake = 10;

    private static readonly string[] ContentSortFields = ["name", "createDate", "updateDate", "sortOrder", "level"];
    private static readonly string[] MediaSortFields = ["name", "createDate", "updateDate", "sortOrder"];

    /// <summary>
    /// Parses a query as Umbraco's Delivery API does; every unknown value is an error, not a guess. <c>take</c> has no
    /// upper bound: the published snapshot is in memory, so a static-site build may ask for every route at once.
    /// </summary>
    public static (DeliveryQuery? Query, string? Error) Parse(string? fetch, StringValues filters, StringValues sorts, int? skip, int? take, StringValues expand, StringValues fields, bool media = false)
    {
        var selector = new FetchSelector(FetchKind.All, null);
        if (!string.IsNullOrWhiteSpace(fetch))
        {
            var (name, value) = Split(fetch);
            FetchKind? kind = name.ToLowerInvariant() switch
            {
                "children" => FetchKind.Children,
                "ancestors" when !media => FetchKind.Ancestors,
                "descendants" when !media => FetchKind.Descendants,
                _ => null,
            };
            if (kind is null || string.IsNullOrWhiteSpace(value))
            {
                return (null, media
                    ? $"Ukendt fetch-værdi \"{fetch}\". Brug children:/ eller children:<id|sti>."
                    : $"Ukendt fetch-værdi \"{fetch}\". Brug children:<id|sti>, ancestors:<id|sti> eller descendants:<id|sti>.");
            }

            selector = new FetchSelector(kind.Value, value.Trim());
        }
        else if (media)
        {
            return (null, "Medieforespørgsler kræver fetch=children:/ eller fetch=children:<id|sti>.");
        }

        var parsedFilters = new List<ContentFilter>();
        foreach (var filter in filters.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            var parsed = ParseFilter(filter!.Trim(), media);
            if (parsed is null)
            {
                return (null, media
                    ? $"Ukendt filter \"{filter}\". Brug mediaType:<alias> eller name:<tekst> (med ! foran værdien for at udelukke)."
                    : $"Ukendt filter \"{filter}\". Brug contentType:<alias>[,<alias>], name:<tekst> (med ! foran værdien for at udelukke), createDate eller updateDate med >, >:, < eller <: og en dato.");
            }

            parsedFilters.Add(parsed);
        }

        var sortFields = media ? MediaSortFields : ContentSortFields;
        var parsedSorts = new List<ContentSort>();
        foreach (var sort in sorts.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            var (name, direction) = Split(sort!);
            var field = sortFields.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase));
            var descending = direction.ToLowerInvariant() switch
            {
                "asc" => (bool?)false,
                "desc" => true,
                _ => null,
            };
            if (field is null || descending is null)
            {
                return (null, $"Ukendt sortering \"{sort}\". Brug {string.Join(", ", sortFields)} efterfulgt af :asc eller :desc.");
            }

            parsedSorts.Add(new ContentSort(field, descending.Value));
        }

        if (skip < 0 || take < 0)
        {
            return (null, "skip og take skal være hele tal fra 0.");
        }

        var (expandSelection, expandError) = PropertySelection.Parse(expand, PropertySelection.None, "expand", allowV1: true);
        if (expandError is not null)
        {
            return (null, expandError);
        }

        var (fieldsSelection, fieldsError) = PropertySelection.Parse(fields, PropertySelection.Everything, "fields", allowV1: false);
        if (fieldsError is not null)
        {
            return (null, fieldsError);
        }

        return (new DeliveryQuery(selector, parsedFilters, parsedSorts, skip ?? 0, take ?? DefaultTake, expandSelection!, fieldsSelection!), null);
    }

    private static ContentFilter? ParseFilter(string filter, bool media)
    {
        foreach (var dateField in media ? [] : new[] { "createDate", "updateDate" })
        {
            if (!filter.StartsWith(dateField, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = filter[dateField.Length..];
            var (op, length) = rest switch
            {
                _ when rest.StartsWith(">:", StringComparison.Ordinal) => (FilterOperator.GreaterThanOrEqual, 2),
                _ when rest.StartsWith("<:", StringComparison.Ordinal) => (FilterOperator.LessThanOrEqual, 2),
                _ when rest.StartsWith('>') => (FilterOperator.GreaterThan, 1),
                _ when rest.StartsWith('<') => (FilterOperator.LessThan, 1),
                _ => (FilterOperator.Is, 0),
            };
            if (length == 0)
            {
                return null;
            }

            var text = rest[length..].Trim();
            // A date alone means midnight UTC, as an ISO date in Umbraco's index does.
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? new ContentFilter(dateField, op, [text], false, date)
                : null;
        }

        var (name, value) = Split(filter);
        var negate = value.StartsWith('!');
        var term = (negate ? value[1..] : value).Trim();
        if (term.Length == 0)
        {
            return null;
        }

        var typeField = media ? "mediaType" : "contentType";
        if (name.Equals(typeField, StringComparison.OrdinalIgnoreCase))
        {
            // "a,b" is a OR b, as in Umbraco.
            var aliases = term.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return aliases.Length == 0 ? null : new ContentFilter(typeField, FilterOperator.Is, aliases, negate);
        }

        return name.Equals("name", StringComparison.OrdinalIgnoreCase)
            ? new ContentFilter("name", FilterOperator.Contains, [term], negate)
            : null;
    }

    private static (string Name, string Value) Split(string text)
    {
        var colon = text.IndexOf(':');
        return colon < 0 ? (text.Trim(), "") : (text[..colon].Trim(), text[(colon + 1)..].Trim());
    }
}
