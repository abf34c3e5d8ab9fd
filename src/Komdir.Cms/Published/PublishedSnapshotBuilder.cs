using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;

namespace Komdir.Cms.Published;

/// <summary>
/// One node with the version to show, as read from the database. <paramref name="FirstPublishedUtc"/>: when the node was
/// first published on the site (null: not known, the shown version's time stands in).
/// </summary>
public sealed record SnapshotRow(
    int NodeId,
    Guid Key,
    int? ParentId,
    int SortOrder,
    string ContentType,
    DateTimeOffset CreatedUtc,
    string Name,
    string UrlSegment,
    string ValuesJson,
    DateTimeOffset VersionCreatedUtc,
    int VersionNumber,
    DateTimeOffset? FirstPublishedUtc = null);

/// <summary>
/// Turns rows into a <see cref="PublishedSnapshot"/>: links parents and children, computes routes, and drops
/// what readers must not see — nodes of unknown types and nodes below an unpublished or missing parent.
/// </summary>
public sealed class PublishedSnapshotBuilder(DocumentTypeCollection documentTypes)
{
    public PublishedSnapshot Build(IEnumerable<SnapshotRow> rows, long generation = 0)
    {
        var nodes = new Dictionary<int, (SnapshotRow Row, PublishedContent Content)>();
        foreach (var row in rows)
        {
            var type = documentTypes.Find(row.ContentType);
            if (type is null)
            {
                continue;
            }

            var values = ContentValues.Deserialize(row.ValuesJson, type);
            var content = new PublishedContent(row.NodeId, row.Key, row.Name, row.UrlSegment, type, row.SortOrder, row.CreatedUtc, row.VersionCreatedUtc, row.FirstPublishedUtc ?? row.VersionCreatedUtc, row.VersionNumber, values);
            nodes[row.NodeId] = (row, content);
        }

        var roots = new List<PublishedContent>();
        foreach (var (row, content) in nodes.Values)
        {
            if (row.ParentId is null)
            {
                roots.Add(content);
            }
            else if (nodes.TryGetValue(row.ParentId.Value, out var parent))
            {
                content.Parent = parent.Content;
                parent.Content.AddChild(content);
            }
        }

        roots.Sort((a, b) => a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : a.Id.CompareTo(b.Id));
        var all = new List<IPublishedContent>(nodes.Count);
        var siteRootAssigned = false;
        foreach (var root in roots)
        {
            string? url = null;
            if (root.ContentType.IsRoutable && !siteRootAssigned)
            {
                url = "/";
                siteRootAssigned = true;
            }

            Place(root, url, 0, all);
        }

        return new PublishedSnapshot(roots, all, DateTimeOffset.UtcNow, generation);
    }

    private static void Place(PublishedContent content, string? url, int level, List<IPublishedContent> all)
    {
        content.Url = url;
        content.Level = level;
        content.SortChildren();
        all.Add(content);
        foreach (var child in content.Children.Cast<PublishedContent>())
        {
            var childUrl = url is not null && child.ContentType.IsRoutable
                ? (url == "/" ? "/" : url + "/") + child.UrlSegment
                : null;
            Place(child, childUrl, level + 1, all);
        }
    }
}
