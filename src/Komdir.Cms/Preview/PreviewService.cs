using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Preview;

/// <summary>A draft placed in the published tree: the content to render and the snapshot it belongs to (for navigation).</summary>
public sealed record PreviewResult(IPublishedContent Content, PublishedSnapshot Snapshot);

/// <summary>
/// Builds what a page would look like if its newest version were published: the published tree, with this node's newest
/// version (and the newest versions of any unpublished ancestors) in place. Only for signed-in editors; readers never see it.
/// </summary>
public sealed class PreviewService(IDbContextFactory<CmsDbContext> dbFactory, PublishedSnapshotBuilder builder)
{
    /// <summary>The preview of <paramref name="key"/>; null when the node does not exist or lies in the recycle bin.</summary>
    public async Task<PreviewResult?> BuildPreviewAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.ContentNodes.AsNoTracking()
            .Select(n => new { n.Id, n.Key, n.ParentId, n.TrashedUtc, IsPublished = n.PublishedVersionId != null })
            .ToDictionaryAsync(n => n.Id, cancellationToken);
        var node = links.Values.SingleOrDefault(n => n.Key == key);
        if (node is null)
        {
            return null;
        }

        // The node itself shows its newest version; ancestors that readers cannot see are filled in with theirs.
        var draftIds = new List<int> { node.Id };
        for (var parentId = node.ParentId; parentId is not null; parentId = links[parentId.Value].ParentId)
        {
            var ancestor = links[parentId.Value];
            if (ancestor.TrashedUtc is not null)
            {
                return null;
            }

            if (!ancestor.IsPublished)
            {
                draftIds.Add(ancestor.Id);
            }
        }

        if (node.TrashedUtc is not null)
        {
            return null;
        }

        var rows = (await PublishedContentCache.PublishedRowsQuery(db).ToListAsync(cancellationToken))
            .Where(r => !draftIds.Contains(r.NodeId))
            .ToList();
        var draftRows = await (from n in db.ContentNodes.AsNoTracking()
                               where draftIds.Contains(n.Id)
                               join version in db.ContentVersions.AsNoTracking() on new { NodeId = n.Id, Number = n.LatestVersionNumber } equals new { version.NodeId, version.Number }
                               select new SnapshotRow(n.Id, n.Key, n.ParentId, n.SortOrder, n.ContentType, n.CreatedUtc, version.Name, version.UrlSegment, version.ValuesJson, version.CreatedUtc, version.Number))
            .ToListAsync(cancellationToken);
        rows.AddRange(draftRows);
        rows = await PublishedContentCache.WithFirstPublicationAsync(db, rows, cancellationToken);

        var snapshot = builder.Build(rows);
        var content = snapshot.GetByKey(key);
        return content is null ? null : new PreviewResult(content, snapshot);
    }
}
