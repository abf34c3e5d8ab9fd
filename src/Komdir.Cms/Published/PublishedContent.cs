using Komdir.Cms.ContentTypes;

namespace Komdir.Cms.Published;

/// <summary>The engine's immutable implementation of <see cref="IPublishedContent"/>, built by <see cref="PublishedSnapshotBuilder"/>.</summary>
public sealed class PublishedContent : IPublishedContent
{
    private readonly List<PublishedContent> children = [];
    private PublishedModel? model;

    internal PublishedContent(
        int id,
        Guid key,
        string name,
        string urlSegment,
        DocumentType contentType,
        int sortOrder,
        DateTimeOffset createDate,
        DateTimeOffset updateDate,
        DateTimeOffset firstPublishedDate,
        int versionNumber,
        IReadOnlyDictionary<string, object?> values)
    {
        Id = id;
        Key = key;
        Name = name;
        UrlSegment = urlSegment;
        ContentType = contentType;
        SortOrder = sortOrder;
        CreateDate = createDate;
        UpdateDate = updateDate;
        FirstPublishedDate = firstPublishedDate < updateDate ? firstPublishedDate : updateDate;
        VersionNumber = versionNumber;
        Values = values;
    }

    public int Id { get; }

    public Guid Key { get; }

    public string Name { get; }

    public string UrlSegment { get; }

    public string? Url { get; internal set; }

    public DocumentType ContentType { get; }

    public int SortOrder { get; }

    public int Level { get; internal set; }

    public IPublishedContent? Parent { get; internal set; }

    public IReadOnlyList<IPublishedContent> Children => children;

    public DateTimeOffset CreateDate { get; }

    public DateTimeOffset UpdateDate { get; }

    public DateTimeOffset FirstPublishedDate { get; }

    public int VersionNumber { get; }

    public IReadOnlyDictionary<string, object?> Values { get; }

    public PublishedModel Model => model ??= ContentType.CreateModel(this);

    internal void AddChild(PublishedContent child) => children.Add(child);

    internal void SortChildren() => children.Sort((a, b) => a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : a.Id.CompareTo(b.Id));
}
