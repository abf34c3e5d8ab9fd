using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Web.Backoffice.Content;

/// <summary>A node as the editor loads it: its newest version, whatever is published.</summary>
public sealed record EditableNode(
    Guid Key,
    DocumentType Type,
    Guid? ParentKey,
    int LatestVersion,
    string Name,
    string UrlSegment,
    IReadOnlyDictionary<string, object?> Values,
    int? PublishedVersion,
    bool IsTrashed);

/// <summary>A node in the backoffice tree.</summary>
public sealed record TreeNode(Guid Key, Guid? ParentKey, string Name, DocumentType Type, int SortOrder, PublishState State, bool IsTrashed, DateTimeOffset? TrashedUtc);

/// <summary>One entry of a node's version history.</summary>
public sealed record VersionSummary(int Number, string Name, string CreatedBy, DateTimeOffset CreatedUtc, VersionOrigin Origin, int? RestoredFrom, bool IsPublished);

/// <summary>The reads the editor screens need, straight from the database (never the published cache).</summary>
public sealed class ContentEditorQueries(IDbContextFactory<CmsDbContext> dbFactory, DocumentTypeCollection documentTypes)
{
    public async Task<EditableNode?> GetAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await (from node in db.ContentNodes.AsNoTracking()
                         where node.Key == key
                         join version in db.ContentVersions.AsNoTracking() on new { NodeId = node.Id, Number = node.LatestVersionNumber } equals new { version.NodeId, version.Number }
                         select new
                         {
                             node.ContentType,
                             ParentKey = node.Parent == null ? (Guid?)null : node.Parent.Key,
                             node.LatestVersionNumber,
                             version.Name,
                             version.UrlSegment,
                             version.ValuesJson,
                             PublishedNumber = node.PublishedVersion == null ? (int?)null : node.PublishedVersion.Number,
                             node.TrashedUtc,
                         }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || documentTypes.Find(row.ContentType) is not { } type)
        {
            return null;
        }

        return new EditableNode(key, type, row.ParentKey, row.LatestVersionNumber, row.Name, row.UrlSegment,
            ContentValues.Deserialize(row.ValuesJson, type), row.PublishedNumber, row.TrashedUtc is not null);
    }

    /// <summary>Every node with its newest name and its state, in one query; trashed nodes included (flagged).</summary>
    public async Task<IReadOnlyList<TreeNode>> GetTreeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from node in db.ContentNodes.AsNoTracking()
                          join version in db.ContentVersions.AsNoTracking() on new { NodeId = node.Id, Number = node.LatestVersionNumber } equals new { version.NodeId, version.Number }
                          select new
                          {
                              node.Key,
                              ParentKey = node.Parent == null ? (Guid?)null : node.Parent.Key,
                              version.Name,
                              node.ContentType,
                              node.SortOrder,
                              node.LatestVersionNumber,
                              PublishedNumber = node.PublishedVersion == null ? (int?)null : node.PublishedVersion.Number,
                              node.TrashedUtc,
                          }).ToListAsync(cancellationToken);
        return rows
            .Where(r => documentTypes.Find(r.ContentType) is not null)
            .Select(r => new TreeNode(r.Key, r.ParentKey, r.Name, documentTypes.Get(r.ContentType), r.SortOrder,
                r.PublishedNumber is null ? PublishState.Unpublished : r.PublishedNumber == r.LatestVersionNumber ? PublishState.Published : PublishState.Draft,
                r.TrashedUtc is not null, r.TrashedUtc))
            .OrderBy(r => r.SortOrder)
            .ToList();
    }

    public async Task<IReadOnlyList<VersionSummary>> GetHistoryAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var node = await db.ContentNodes.AsNoTracking().Where(n => n.Key == key).Select(n => new { n.Id, n.PublishedVersionId }).SingleOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            return [];
        }

        var versions = await db.ContentVersions.AsNoTracking()
            .Where(v => v.NodeId == node.Id)
            .Select(v => new VersionSummary(v.Number, v.Name, v.CreatedBy, v.CreatedUtc, v.Origin, v.RestoredFromNumber, v.Id == node.PublishedVersionId))
            .ToListAsync(cancellationToken);
        return versions.OrderByDescending(v => v.Number).ToList();
    }

    /// <summary>A version's name, segment and values, for comparing.</summary>
    public async Task<(string Name, string UrlSegment, IReadOnlyDictionary<string, object?> Values)?> GetVersionAsync(Guid key, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Node!.Key == key && v.Number == number)
            .Select(v => new { v.Name, v.UrlSegment, v.ValuesJson, v.Node!.ContentType })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Name, row.UrlSegment, ContentValues.Deserialize(row.ValuesJson, documentTypes.Get(row.ContentType)));
    }

    /// <summary>Choices for a content-link property: every node of the allowed types, by latest name.</summary>
    public async Task<IReadOnlyList<PickerOption>> GetLinkOptionsAsync(IReadOnlyList<string> allowedTypes, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from node in db.ContentNodes.AsNoTracking()
                          where node.TrashedUtc == null
                          join version in db.ContentVersions.AsNoTracking() on new { NodeId = node.Id, Number = node.LatestVersionNumber } equals new { version.NodeId, version.Number }
                          select new { node.Key, node.ContentType, version.Name }).ToListAsync(cancellationToken);
        return rows.Where(r => allowedTypes.Count == 0 || allowedTypes.Contains(r.ContentType))
            .OrderBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false))
            .Select(r => new PickerOption(r.Key, $"{r.Name} ({documentTypes.Find(r.ContentType)?.Name ?? r.ContentType})"))
            .ToList();
    }

    /// <summary>Choices for a media property.</summary>
    public async Task<IReadOnlyList<PickerOption>> GetMediaOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.MediaItems.AsNoTracking().Select(m => new { m.Key, m.Name, m.FileName }).ToListAsync(cancellationToken);
        return items.OrderBy(m => m.Name).Select(m => new PickerOption(m.Key, $"{m.Name} ({m.FileName})")).ToList();
    }
}
