using Microsoft.Extensions.Primitives;

namespace Komdir.Web.Features.DeliveryApi;

/// <summary>
/// Which properties an <c>expand</c> or <c>fields</c> parameter names, at any depth:
/// <c>properties[$all]</c>, <c>properties[a,b]</c>, <c>properties[a[properties[x,y]],$all]</c>. A name may carry the
/// selection that applies to the item its link points at.
/// </summary>
public sealed class PropertySelection
{
    private readonly Dictionary<string, PropertySelection?> named;

    private PropertySelection(bool all, Dictionary<string, PropertySelection?> named)
    {
        All = all;
        this.named = named;
    }

    /// <summary>No property (the default for expand).</summary>
    public static PropertySelection None { get; } = new(false, new(StringComparer.OrdinalIgnoreCase));

    /// <summary>Every property (the default for fields).</summary>
    public static PropertySelection Everything { get; } = new(true, new(StringComparer.OrdinalIgnoreCase));

    public bool All { get; }

    public bool Includes(string alias) => All || named.ContainsKey(alias);

    /// <summary>The selection given for the linked item of <paramref name="alias"/>, or null when none was given.</summary>
    public PropertySelection? Nested(string alias) => named.GetValueOrDefault(alias);

    /// <summary>
    /// Parses every value given (a repeated parameter is the union of its values). Empty gives
    /// <paramref name="empty"/>. Umbraco v1's <c>all</c> and <c>property:a,b</c> are read too when
    /// <paramref name="allowV1"/>.
    /// </summary>
    public static (PropertySelection? Selection, string? Error) Parse(StringValues values, PropertySelection empty, string parameter, bool allowV1)
    {
        PropertySelection? result = null;
        foreach (var raw in values)
        {
            var value = raw?.Trim() ?? "";
            if (value.Length == 0)
            {
                continue;
            }

            PropertySelection? parsed;
            if (allowV1 && value.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                parsed = Everything;
            }
            else if (allowV1 && value.StartsWith("property:", StringComparison.OrdinalIgnoreCase))
            {
                var aliases = value["property:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                parsed = aliases.Length > 0 && aliases.All(IsAlias)
                    ? new PropertySelection(false, aliases.ToDictionary(a => a, _ => (PropertySelection?)null, StringComparer.OrdinalIgnoreCase))
                    : null;
            }
            else
            {
                var position = 0;
                parsed = ParseProperties(value, ref position);
                if (position != value.Length)
                {
                    parsed = null;
                }
            }

            if (parsed is null)
            {
                return (null, $"Ugyldig {parameter}-værdi \"{value}\". Brug properties[$all], properties[alias1,alias2] eller indlejret properties[alias1[properties[$all]]].");
            }

            result = result is null ? parsed : Merge(result, parsed);
        }

        return (result ?? empty, null);
    }

    private static PropertySelection Merge(PropertySelection a, PropertySelection b)
    {
        var merged = new Dictionary<string, PropertySelection?>(a.named, StringComparer.OrdinalIgnoreCase);
        foreach (var (alias, nested) in b.named)
        {
            merged[alias] = merged.TryGetValue(alias, out var existing) && existing is not null && nested is not null
                ? Merge(existing, nested)
                : nested ?? existing;
        }

        return new PropertySelection(a.All || b.All, merged);
    }

    /// <summary>properties '[' item (',' item)* ']' where item is $all, alias or alias '[' properties… ']'.</summary>
    private static PropertySelection? ParseProperties(string text, ref int position)
    {
        const string keyword = "properties[";
        if (string.Compare(text, position, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return null;
        }

        position += keyword.Length;
        var all = false;
        var named = new Dictionary<string, PropertySelection?>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var start = position;
            while (position < text.Length && text[position] is not (',' or '[' or ']'))
            {
                position++;
            }

            var name = text[start..position].Trim();
            if (name == "$all")
            {
                all = true;
            }
            else if (IsAlias(name))
            {
                PropertySelection? nested = null;
                if (position < text.Length && text[position] == '[')
                {
                    position++;
                    nested = ParseProperties(text, ref position);
                    if (nested is null || position >= text.Length || text[position] != ']')
                    {
                        return null;
                    }

                    position++;
                }

                named[name] = nested;
            }
            else
            {
                return null;
            }

            if (position >= text.Length)
            {
                return null;
            }

            if (text[position] == ']')
            {
                position++;
                return new PropertySelection(all, named);
            }

            if (text[position] != ',')
            {
                return null;
            }

            position++;
        }
    }

    private static bool IsAlias(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
