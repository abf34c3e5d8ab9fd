using Komdir.Cms.Published;

namespace Komdir.Cms.ContentTypes;

/// <summary>
/// A document type declared in code: its alias, its properties and where it may stand in the tree,
/// plus the factory that wraps published content in the type's strongly typed model.
/// </summary>
public sealed class DocumentType
{
    public DocumentType(string alias, string name, Func<IPublishedContent, PublishedModel> createModel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Alias = alias;
        Name = name;
        CreateModel = createModel;
    }

    public string Alias { get; }

    /// <summary>The name editors see (Danish).</summary>
    public string Name { get; }

    public string? Description { get; init; }

    /// <summary>A short icon name for the backoffice tree.</summary>
    public string Icon { get; init; } = "document";

    /// <summary>False for nodes that hold data but have no page of their own (settings).</summary>
    public bool IsRoutable { get; init; } = true;

    /// <summary>May be created at the root of the tree.</summary>
    public bool AllowedAtRoot { get; init; }

    /// <summary>Aliases of the types that may be created below a node of this type.</summary>
    public IReadOnlyList<string> AllowedChildTypes { get; init; } = [];

    public IReadOnlyList<PropertyType> Properties { get; init; } = [];

    /// <summary>The Markdown property that a content file's body maps to, when the type has one.</summary>
    public string? BodyProperty { get; init; }

    /// <summary>Wraps published content in this type's typed model.</summary>
    public Func<IPublishedContent, PublishedModel> CreateModel { get; }

    public PropertyType? FindProperty(string alias) =>
        Properties.FirstOrDefault(p => string.Equals(p.Alias, alias, StringComparison.Ordinal));
}
