using System.Globalization;
using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;

namespace Komdir.Web.Backoffice.Content;

/// <summary>
/// What the editor form holds while someone types: every value as the text of its input (lists one item per line,
/// numbers and dates as typed), so nothing typed is lost to a failed conversion. <see cref="TryBuildValues"/>
/// converts to stored values and reports what does not fit, per field, in Danish.
/// </summary>
public sealed class EditorForm
{
    private readonly Dictionary<string, string> inputs = new(StringComparer.Ordinal);
    private readonly DocumentType type;

    public EditorForm(DocumentType type, string name, string urlSegment, IReadOnlyDictionary<string, object?> values)
    {
        this.type = type;
        Name = name;
        UrlSegment = urlSegment;
        foreach (var property in type.Properties)
        {
            inputs[property.Alias] = ToInput(values.GetValueOrDefault(property.Alias));
        }

        Baseline = Snapshot();
    }

    public string Name { get; set; }

    public string UrlSegment { get; set; }

    /// <summary>The form as last loaded or saved; unsaved changes are differences from it.</summary>
    public string Baseline { get; private set; }

    public bool IsDirty => Snapshot() != Baseline;

    public string Get(string alias) => inputs.GetValueOrDefault(alias) ?? "";

    public void Set(string alias, string? input) => inputs[alias] = input ?? "";

    public void MarkSaved() => Baseline = Snapshot();

    /// <summary>Every property's input text by alias, as it would be kept in a working copy.</summary>
    public IReadOnlyDictionary<string, string> Inputs => type.Properties.ToDictionary(p => p.Alias, p => Get(p.Alias), StringComparer.Ordinal);

    /// <summary>Puts kept edits (a working copy, a browser backup) into the form; the baseline stays, so they count as unsaved.</summary>
    public void Apply(string name, string urlSegment, IReadOnlyDictionary<string, string> kept)
    {
        Name = name;
        UrlSegment = urlSegment;
        foreach (var property in type.Properties)
        {
            if (kept.TryGetValue(property.Alias, out var input))
            {
                inputs[property.Alias] = input;
            }
        }
    }

    /// <summary>True when the form holds exactly these inputs (line ends aside: a browser's text area keeps only "\n").</summary>
    public bool SameAs(string name, string urlSegment, IReadOnlyDictionary<string, string> kept) =>
        Normalise(Name) == Normalise(name) && Normalise(UrlSegment) == Normalise(urlSegment)
        && type.Properties.All(p => Normalise(Get(p.Alias)) == Normalise(kept.GetValueOrDefault(p.Alias) ?? Get(p.Alias)));

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    public bool TryBuildValues(out Dictionary<string, object?> values, out List<ContentError> errors)
    {
        values = new Dictionary<string, object?>(StringComparer.Ordinal);
        errors = [];
        foreach (var property in type.Properties)
        {
            var input = Get(property.Alias);
            if (string.IsNullOrWhiteSpace(input))
            {
                continue;
            }

            try
            {
                values[property.Alias] = ContentValues.Coerce(input, property.Editor);
            }
            catch (Exception exception) when (exception is FormatException or OverflowException)
            {
                errors.Add(new ContentError(property.Alias, $"{property.Label}: {exception.Message}"));
            }
        }

        return errors.Count == 0;
    }

    public static string ToInput(object? value) => value switch
    {
        null => "",
        string text => text,
        IEnumerable<string> list => string.Join('\n', list),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private string Snapshot() =>
        string.Join('\u001f', new[] { Name, UrlSegment }.Concat(type.Properties.Select(p => Get(p.Alias))));
}
