namespace Komdir.Cms.Content;

/// <summary>What changed, told to the published cache (and through it to every observer) after the change is committed.</summary>
/// <param name="Kind">The act.</param>
/// <param name="Keys">The nodes acted on (not their descendants).</param>
/// <param name="AffectsPublished">True when readers may now see something different.</param>
public sealed record ContentChange(ContentChangeKind Kind, IReadOnlyList<Guid> Keys, bool AffectsPublished)
{
    /// <summary>
    /// True when another node made the change and this node only learned of it: local caches and indexes react,
    /// but nothing is sent on to the cluster again.
    /// </summary>
    public bool IsRemote { get; init; }
}

public enum ContentChangeKind
{
    Saved,
    Published,
    Unpublished,
    RolledBack,
    Moved,
    Sorted,
    Trashed,
    Restored,
    Deleted,
    Imported,
    Media,

    /// <summary>Not an edit: the published cache was (re)loaded from the database, at start or by a test.</summary>
    Loaded,
}
