namespace Komdir.Cms.Content;

/// <summary>An immutable snapshot of a node's name, URL segment and property values. Every save adds one.</summary>
public sealed class ContentVersion
{
    public int Id { get; set; }

    public int NodeId { get; set; }

    public ContentNode? Node { get; set; }

    /// <summary>1, 2, 3 … per node.</summary>
    public int Number { get; set; }

    public required string Name { get; set; }

    public required string UrlSegment { get; set; }

    /// <summary>Property values as a JSON object keyed by property alias.</summary>
    public required string ValuesJson { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }

    public VersionOrigin Origin { get; set; }

    /// <summary>For imported versions: the SHA-256 of the content file they came from.</summary>
    public string? ImportHash { get; set; }

    /// <summary>For rollbacks: the version number restored.</summary>
    public int? RestoredFromNumber { get; set; }
}

public enum VersionOrigin
{
    Editor = 0,
    Import = 1,
    Rollback = 2,
    Copy = 3,
}
