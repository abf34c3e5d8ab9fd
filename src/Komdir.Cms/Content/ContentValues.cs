using System.Globalization;
using System.Text.Json;
using Komdir.Cms.ContentTypes;

namespace Komdir.Cms.Content;

/// <summary>
/// Converts property values between their CLR form (string, int, DateOnly, Guid, bool, string list)
/// and the JSON stored in a version. Values are read by the document type's declared editor kind,
/// so a stored value that no longer fits is dropped rather than crashing a page.
/// </summary>
public static class ContentValues
{
    public static string Serialize(IReadOnlyDictionary<string, object?> values)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (alias, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                if (IsEmpty(value))
                {
                    continue;
                }

                writer.WritePropertyName(alias);
                WriteValue(writer, value!);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static Dictionary<string, object?> Deserialize(string json, DocumentType type)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        foreach (var property in type.Properties)
        {
            if (document.RootElement.TryGetProperty(property.Alias, out var element))
            {
                var value = ReadValue(element, property.Editor);
                if (!IsEmpty(value))
                {
                    result[property.Alias] = value;
                }
            }
        }

        return result;
    }

    /// <summary>True when a value counts as not filled in.</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        IReadOnlyCollection<string> list => list.Count == 0,
        Guid g => g == Guid.Empty,
        _ => false,
    };

    /// <summary>Coerces a loosely typed value (from a form, a YAML file) into the editor kind's CLR type.</summary>
    public static object? Coerce(object? raw, PropertyEditor editor)
    {
        if (raw is null)
        {
            return null;
        }

        return editor switch
        {
            PropertyEditor.Text or PropertyEditor.MultilineText or PropertyEditor.Markdown => Convert.ToString(raw, CultureInfo.InvariantCulture),
            PropertyEditor.TextList => raw switch
            {
                string s => s.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList(),
                IEnumerable<object?> items => items.Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)?.Trim() ?? "").Where(i => i.Length > 0).ToList(),
                _ => throw new FormatException("Forventede en liste af tekster."),
            },
            PropertyEditor.Number => raw switch
            {
                int i => i,
                long l => checked((int)l),
                string s when string.IsNullOrWhiteSpace(s) => null,
                string s => int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"'{s}' er ikke et helt tal."),
                _ => Convert.ToInt32(raw, CultureInfo.InvariantCulture),
            },
            PropertyEditor.Date => raw switch
            {
                DateOnly d => d,
                DateTime dt => DateOnly.FromDateTime(dt),
                string s when string.IsNullOrWhiteSpace(s) => null,
                string s => DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new FormatException($"'{s}' er ikke en dato (åååå-mm-dd)."),
                _ => throw new FormatException("Forventede en dato."),
            },
            PropertyEditor.Media or PropertyEditor.ContentLink => raw switch
            {
                Guid g => g,
                string s when string.IsNullOrWhiteSpace(s) => null,
                string s => Guid.TryParse(s.Trim(), out var g) ? g : throw new FormatException($"'{s}' er ikke en gyldig reference."),
                _ => throw new FormatException("Forventede en reference."),
            },
            PropertyEditor.Toggle => raw switch
            {
                bool b => b,
                string s => s.Trim().ToLowerInvariant() is "true" or "ja" or "on" or "1",
                _ => Convert.ToBoolean(raw, CultureInfo.InvariantCulture),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(editor), editor, null),
        };
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string s: writer.WriteStringValue(s); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case Guid g: writer.WriteStringValue(g); break;
            case DateOnly d: writer.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default: throw new NotSupportedException($"Cannot store a value of type {value.GetType().Name}.");
        }
    }

    private static object? ReadValue(JsonElement element, PropertyEditor editor)
    {
        try
        {
            return editor switch
            {
                PropertyEditor.TextList when element.ValueKind == JsonValueKind.Array =>
                    element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
                PropertyEditor.Number when element.ValueKind == JsonValueKind.Number => element.GetInt32(),
                PropertyEditor.Toggle when element.ValueKind is JsonValueKind.True or JsonValueKind.False => element.GetBoolean(),
                _ when element.ValueKind == JsonValueKind.String => Coerce(element.GetString(), editor),
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
