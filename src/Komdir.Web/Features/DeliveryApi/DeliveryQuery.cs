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

public sealed record ContentFilter(string Field, string Value, bool Negate);

public sealed record ContentSort(string Field, bool Descending);

/// <summary>Which properties' links to expand: none, all ("properties[$all]" or "all"), or the named ones.</summary>
public sealed record ExpandSpec(bool All, IReadOnlySet<string> Aliases)
{
    public static ExpandSpec None { get; } = new(false, new HashSet<string>());

    public bool Expands(string alias) => All || Aliases.Contains(alias);
}

/// <summary>A parsed content query, or the reason it could not be parsed.</summary>
public sealed record DeliveryQuery(FetchSelector Fetch, IReadOnlyList<ContentFilter> Filters, IReadOnlyList<ContentSort> Sorts, int Skip, int Take, ExpandSpec Expand)
{
    public const int DefaultTake = 10;
    public const int MaxTake = 1000;

    private static readonly string[] SortFields = ["name", "createDate", "updateDate", "sortOrder", "level"];

    /// <summary>Parses the query string as Umbraco's Delivery API does; every unknown value is an error, not a guess.</summary>
    public static (DeliveryQuery? Query, string? Error) Parse(string? fetch, StringValues filters, StringValues sorts, string? skip, string? take, StringValues expand)
    {
        var selector = new FetchSelector(FetchKind.All, null);
        if (!string.IsNullOrWhiteSpace(fetch))
        {
            var (name, value) = Split(fetch);
            FetchKind? kind = name.ToLowerInvariant() switch
            {
                "children" => FetchKind.Children,
                "ancestors" => FetchKind.Ancestors,
                "descendants" => FetchKind.Descendants,
                _ => null,
            };
            if (kind is null || string.IsNullOrWhiteSpace(value))
            {
                return (null, $"Ukendt fetch-værdi \"{fetch}\". Brug children:<id|sti>, ancestors:<id|sti> eller descendants:<id|sti>.");
            }

            selector = new FetchSelector(kind.Value, value.Trim());
        }

        var parsedFilters = new List<ContentFilter>();
        foreach (var filter in filters.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            var (name, value) = Split(filter!);
            var negate = value.StartsWith('!');
            var term = negate ? value[1..] : value;
            if (!(name.Equals("contentType", StringComparison.OrdinalIgnoreCase) || name.Equals("name", StringComparison.OrdinalIgnoreCase)) || string.IsNullOrWhiteSpace(term))
            {
                return (null, $"Ukendt filter \"{filter}\". Brug contentType:<alias> eller name:<tekst> (med ! foran værdien for at udelukke).");
            }

            parsedFilters.Add(new ContentFilter(name.Equals("name", StringComparison.OrdinalIgnoreCase) ? "name" : "contentType", term.Trim(), negate));
        }

        var parsedSorts = new List<ContentSort>();
        foreach (var sort in sorts.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            var (name, direction) = Split(sort!);
            var field = SortFields.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase));
            var descending = direction.ToLowerInvariant() switch
            {
                "asc" => (bool?)false,
                "desc" => true,
                _ => null,
            };
            if (field is null || descending is null)
            {
                return (null, $"Ukendt sortering \"{sort}\". Brug name, createDate, updateDate, sortOrder eller level efterfulgt af :asc eller :desc.");
            }

            parsedSorts.Add(new ContentSort(field, descending.Value));
        }

        if (!TryParseCount(skip, 0, out var skipCount) || !TryParseCount(take, DefaultTake, out var takeCount) || takeCount > MaxTake)
        {
            return (null, $"skip og take skal være hele tal fra 0 (take højst {MaxTake}).");
        }

        var (expandSpec, expandError) = ParseExpand(expand);
        if (expandError is not null)
        {
            return (null, expandError);
        }

        return (new DeliveryQuery(selector, parsedFilters, parsedSorts, skipCount, takeCount, expandSpec!), null);
    }

    /// <summary>"properties[$all]", "properties[a,b]", and the v1 forms "all" and "property:a,b".</summary>
    public static (ExpandSpec? Spec, string? Error) ParseExpand(StringValues expand)
    {
        var value = string.Join(',', expand.Where(e => !string.IsNullOrWhiteSpace(e))).Trim();
        if (value.Length == 0)
        {
            return (ExpandSpec.None, null);
        }

        if (value.Equals("all", StringComparison.OrdinalIgnoreCase) || value.Equals("properties[$all]", StringComparison.OrdinalIgnoreCase))
        {
            return (new ExpandSpec(true, new HashSet<string>()), null);
        }

        string? list = null;
        if (value.StartsWith("properties[", StringComparison.OrdinalIgnoreCase) && value.EndsWith(']'))
        {
            list = value["properties[".Length..^1];
        }
        else if (value.StartsWith("property:", StringComparison.OrdinalIgnoreCase))
        {
            list = value["property:".Length..];
        }

        var aliases = list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (aliases.Length == 0 || aliases.Any(a => !a.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            return (null, $"Ukendt expand-værdi \"{value}\". Brug properties[$all] eller properties[alias1,alias2].");
        }

        return (new ExpandSpec(false, aliases.ToHashSet(StringComparer.OrdinalIgnoreCase)), null);
    }

    private static (string Name, string Value) Split(string text)
    {
        var colon = text.IndexOf(':');
        return colon < 0 ? (text.Trim(), "") : (text[..colon].Trim(), text[(colon + 1)..].Trim());
    }

    private static bool TryParseCount(string? text, int fallback, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
