namespace Komdir.Cms.ContentTypes;

/// <summary>One property of a document type: what it is called, how it is edited and what it must satisfy.</summary>
/// <param name="Alias">Stable, camelCase identifier used in storage, content files and the Delivery API.</param>
/// <param name="Label">The label editors see (Danish).</param>
/// <param name="Editor">The kind of value and editor.</param>
public sealed record PropertyType(string Alias, string Label, PropertyEditor Editor)
{
    /// <summary>A value must be present before the node can be published.</summary>
    public bool Required { get; init; }

    /// <summary>Most characters allowed (text kinds) or most items (lists).</summary>
    public int? MaxLength { get; init; }

    /// <summary>Smallest value allowed (numbers).</summary>
    public int? Minimum { get; init; }

    /// <summary>Largest value allowed (numbers).</summary>
    public int? Maximum { get; init; }

    /// <summary>Help text shown under the editor (Danish).</summary>
    public string? Help { get; init; }

    /// <summary>The editing panel the property is shown in.</summary>
    public string Group { get; init; } = "Indhold";

    /// <summary>For content links: the document type aliases that may be picked (empty: any).</summary>
    public IReadOnlyList<string> AllowedLinkTypes { get; init; } = [];
}
