using Komdir.Cms.ContentTypes;

namespace Komdir.Cms.Published;

/// <summary>
/// Base of the typed models a site declares per document type (a <c>FocusArea</c>, not a dictionary),
/// as Umbraco's ModelsBuilder gives. Models are thin, read-only views over published content.
/// </summary>
public abstract class PublishedModel(IPublishedContent content)
{
    public IPublishedContent Content { get; } = content;

    public Guid Key => Content.Key;

    public string Name => Content.Name;

    public string? Url => Content.Url;

    public DocumentType ContentType => Content.ContentType;

    public IPublishedContent? Parent => Content.Parent;

    public IReadOnlyList<IPublishedContent> Children => Content.Children;

    public DateTimeOffset UpdateDate => Content.UpdateDate;

    public DateTimeOffset FirstPublishedDate => Content.FirstPublishedDate;

    protected string? Text(string alias) => Content.Values.GetValueOrDefault(alias) as string;

    protected int? Number(string alias) => Content.Values.GetValueOrDefault(alias) as int?;

    protected bool Toggle(string alias) => Content.Values.GetValueOrDefault(alias) as bool? ?? false;

    protected DateOnly? Date(string alias) => Content.Values.GetValueOrDefault(alias) as DateOnly?;

    protected Guid? Reference(string alias) => Content.Values.GetValueOrDefault(alias) as Guid?;

    protected IReadOnlyList<string> TextList(string alias) =>
        Content.Values.GetValueOrDefault(alias) as IReadOnlyList<string> ?? [];

    /// <summary>The typed models of the children of type <typeparamref name="T"/>, in tree order.</summary>
    public IEnumerable<T> ChildrenOfType<T>() where T : PublishedModel => Content.Children.Select(c => c.Model).OfType<T>();

    /// <summary>The nearest ancestor (or self) of type <typeparamref name="T"/>.</summary>
    public T? AncestorOrSelf<T>() where T : PublishedModel
    {
        for (IPublishedContent? current = Content; current is not null; current = current.Parent)
        {
            if (current.Model is T match)
            {
                return match;
            }
        }

        return null;
    }
}

/// <summary>The model used for a document type that declares no model of its own.</summary>
public sealed class GenericModel(IPublishedContent content) : PublishedModel(content);
