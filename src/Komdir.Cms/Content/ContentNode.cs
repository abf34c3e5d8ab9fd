namespace Komdir.Cms.Content;

/// <summary>
/// A node in the content tree. What it says (name, URL segment, property values) lives in its versions;
/// the node holds its place in the tree and which version, if any, is published.
/// </summary>
public sealed class ContentNode
{
    public int Id { get; set; }

    /// <summary>Stable identity across databases and content files.</summary>
    public Guid Key { get; set; }

    public int? ParentId { get; set; }

    public ContentNode? Parent { get; set; }

    public int SortOrder { get; set; }

    public required string ContentType { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>The newest version's number; a save must name it to prove it saw the latest text.</summary>
    public int LatestVersionNumber { get; set; }

    public int? PublishedVersionId { get; set; }

    public ContentVersion? PublishedVersion { get; set; }

    public DateTimeOffset? PublishedUtc { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>Set while the node is in the recycle bin.</summary>
    public DateTimeOffset? TrashedUtc { get; set; }

    public List<ContentVersion> Versions { get; set; } = [];

    public bool IsTrashed => TrashedUtc is not null;

    public bool IsPublished => PublishedVersionId is not null;
}
