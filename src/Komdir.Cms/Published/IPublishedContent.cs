using Komdir.Cms.ContentTypes;

namespace Komdir.Cms.Published;

/// <summary>A node as readers see it: one version's values, placed in the published tree.</summary>
public interface IPublishedContent
{
    int Id { get; }

    Guid Key { get; }

    string Name { get; }

    string UrlSegment { get; }

    /// <summary>The page's path, e.g. "/strategi/2025-2027"; "/" for the site root; null when not routable.</summary>
    string? Url { get; }

    DocumentType ContentType { get; }

    int SortOrder { get; }

    /// <summary>0 for a root.</summary>
    int Level { get; }

    IPublishedContent? Parent { get; }

    IReadOnlyList<IPublishedContent> Children { get; }

    DateTimeOffset CreateDate { get; }

    /// <summary>When the shown version was written: the page's last change on the site.</summary>
    DateTimeOffset UpdateDate { get; }

    /// <summary>
    /// When the node was first published on the site (its earliest publication, never later than
    /// <see cref="UpdateDate"/>). Not the document's own date of publication, which an editor may set as a value.
    /// </summary>
    DateTimeOffset FirstPublishedDate { get; }

    /// <summary>The version number shown (for previews, the draft's number).</summary>
    int VersionNumber { get; }

    IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>The typed model of this content's document type.</summary>
    PublishedModel Model { get; }
}
