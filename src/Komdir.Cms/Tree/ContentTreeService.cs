using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Persistence;
using Komdir.Cms.Published;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Tree;

/// <summary>Where a node stands with readers.</summary>
public enum ContentState
{
    /// <summary>The newest version is the one readers see.</summary>
    Published,
    /// <summary>Readers see an older version; a newer draft waits to be published.</summary>
    Draft,
    /// <summary>Readers see nothing: never published, or unpublished since.</summary>
    Unpublished,
}

/// <summary>One node as the backoffice tree shows it.</summary>
public sealed record ContentTreeNode(
    Guid Key,
    Guid? ParentKey,
    string Name,
    string ContentTypeAlias,
    string ContentTypeName,
    string Icon,
    int SortOrder,
    ContentState State,
    int LatestVersionNumber,
    int? PublishedVersionNumber,
    bool HasPendingSchedule,
    DateTimeOffset? NextScheduledUtc,
    ScheduledAction? NextScheduledAction,
    DateTimeOffset? TrashedUtc);

/// <summary>A node opened in the editor: its newest version, what is published and where readers find it.</summary>
public sealed record EditableContent(
    Guid Key,
    DocumentType ContentType,
    Guid? ParentKey,
    int LatestVersionNumber,
    string Name,
    string UrlSegment,
    IReadOnlyDictionary<string, object?> Values,
    string UpdatedBy,
    DateTimeOffset UpdatedUtc,
    int? PublishedVersionNumber,
    ContentState State,
    string? PublishedUrl,
    bool IsInRecycleBin);

/// <summary>Read model of the content tree for the backoffice: every node with its state, in two queries.</summary>
public sealed class ContentTreeService(
    IDbContextFactory<CmsDbContext> dbFactory,
    DocumentTypeCollection documentTypes,
    PublishedContentCache publishedCache)
{
    /// <summary>Every node outside the recycle bin, parents before children, siblings in sort order.</summary>
    public async Task<IReadOnlyList<ContentTreeNode>> GetTreeAsync(CancellationToken cancellationToken = default)
    {
        var (nodes, inBin) = await LoadAsync(cancellationToken);
        return nodes.Where(n => !inBin.Contains(n.Key)).ToList();
    }

    /// <summary>
    /// Everything in the recycle bin: the nodes put there (with <see cref="ContentTreeNode.TrashedUtc"/>) and their subtrees.
    /// The bin's top items are those whose parent is not in the bin.
    /// </summary>
    public async Task<IReadOnlyList<ContentTreeNode>> GetRecycleBinAsync(CancellationToken cancellationToken = default)
    {
        var (nodes, inBin) = await LoadAsync(cancellationToken);
        return nodes.Where(n => inBin.Contains(n.Key)).ToList();
    }

    /// <summary>The node as the editor opens it; null when it does not exist.</summary>
    public async Task<EditableContent?> GetNodeForEditingAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from node in db.ContentNodes.AsNoTracking()
                           where node.Key == key
                           join version in db.ContentVersions.AsNoTracking() on new { NodeId = node.Id, Number = node.LatestVersionNumber } equals new { version.NodeId, version.Number }
                           select new
                           {
                               node.ContentType,
                               ParentKey = node.Parent == null ? (Guid?)null : node.Parent.Key,
                               node.LatestVersionNumber,
                               PublishedNumber = node.PublishedVersion == null ? (int?)null : node.PublishedVersion.Number,
                               node.TrashedUtc,
                               node.ParentId,
                               version.Name,
                               version.UrlSegment,
                               version.ValuesJson,
                               version.CreatedBy,
                               version.CreatedUtc,
                           }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        // In the bin when the node or any ancestor was trashed; the tree is small, so its links come in one query.
        var links = await db.ContentNodes.AsNoTracking().Select(n => new { n.Id, n.ParentId, IsTrashed = n.TrashedUtc != null }).ToDictionaryAsync(n => n.Id, cancellationToken);
        var inBin = found.TrashedUtc is not null;
        for (var parentId = found.ParentId; parentId is not null && !inBin; parentId = links[parentId.Value].ParentId)
        {
            inBin = links[parentId.Value].IsTrashed;
        }

        var type = documentTypes.Get(found.ContentType);
        return new EditableContent(
            key,
            type,
            found.ParentKey,
            found.LatestVersionNumber,
            found.Name,
            found.UrlSegment,
            ContentValues.Deserialize(found.ValuesJson, type),
            found.CreatedBy,
            found.CreatedUtc,
            found.PublishedNumber,
            StateOf(found.LatestVersionNumber, found.PublishedNumber),
            inBin ? null : publishedCache.Current.GetByKey(key)?.Url,
            inBin);
    }

    public static ContentState StateOf(int latestVersionNumber, int? publishedVersionNumber) => publishedVersionNumber switch
    {
        null => ContentState.Unpublished,
        var published when published == latestVersionNumber => ContentState.Published,
        _ => ContentState.Draft,
    };

    private async Task<(List<ContentTreeNode> Nodes, HashSet<Guid> InBin)> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from node in db.ContentNodes.AsNoTracking()
                          join version in db.ContentVersions.AsNoTracking() on new { NodeId = node.Id, Number = node.LatestVersionNumber } equals new { version.NodeId, version.Number }
                          select new
                          {
                              node.Id,
                              node.Key,
                              node.ParentId,
                              node.SortOrder,
                              node.ContentType,
                              node.LatestVersionNumber,
                              PublishedNumber = node.PublishedVersion == null ? (int?)null : node.PublishedVersion.Number,
                              node.TrashedUtc,
                              version.Name,
                          }).ToListAsync(cancellationToken);
        var pending = (await db.ContentSchedules.AsNoTracking()
                .Where(s => s.CompletedUtc == null)
                .Select(s => new { s.NodeId, s.DueUtc, s.Action, s.Id })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.NodeId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.DueUtc).ThenBy(s => s.Id).First());

        var byId = rows.ToDictionary(r => r.Id);
        var childrenOf = rows.ToLookup(r => r.ParentId);
        var ordered = new List<ContentTreeNode>(rows.Count);
        var inBin = new HashSet<Guid>();

        // Depth first from the roots so parents come before children and a trashed node's subtree is marked with it.
        void Visit(int? parentId, bool parentInBin)
        {
            foreach (var row in childrenOf[parentId].OrderBy(r => r.SortOrder).ThenBy(r => r.Id))
            {
                var type = documentTypes.Find(row.ContentType);
                pending.TryGetValue(row.Id, out var next);
                var rowInBin = parentInBin || row.TrashedUtc is not null;
                if (rowInBin)
                {
                    inBin.Add(row.Key);
                }

                ordered.Add(new ContentTreeNode(
                    row.Key,
                    row.ParentId is { } p ? byId[p].Key : null,
                    row.Name,
                    row.ContentType,
                    type?.Name ?? row.ContentType,
                    type?.Icon ?? "document",
                    row.SortOrder,
                    StateOf(row.LatestVersionNumber, row.PublishedNumber),
                    row.LatestVersionNumber,
                    row.PublishedNumber,
                    next is not null,
                    next?.DueUtc,
                    next?.Action,
                    row.TrashedUtc));
                Visit(row.Id, rowInBin);
            }
        }

        Visit(null, false);
        return (ordered, inBin);
    }
}
