using Komdir.Cms.Audit;
using Komdir.Cms.Authorization;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Content;

/// <summary>How a version came about, for imports and rollbacks; editors' saves use the defaults.</summary>
public sealed record VersionOptions(VersionOrigin Origin = VersionOrigin.Editor, string? ImportHash = null, Guid? Key = null, int? SortOrder = null);

/// <summary>
/// Every write to the content tree goes through here: each save is a new immutable version, publishing is an
/// explicit act with who and when, and each act is audited in the same transaction. Handlers are told after commit.
/// </summary>
public sealed class ContentService(
    IDbContextFactory<CmsDbContext> dbFactory,
    DocumentTypeCollection documentTypes,
    ContentChangeNotifier notifier,
    TimeProvider clock,
    IOperationAuthorizer authorizer)
{
    public async Task<ContentResult> CreateAsync(
        Guid? parentKey,
        string contentType,
        string name,
        string? urlSegment,
        IReadOnlyDictionary<string, object?> values,
        string actor,
        VersionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Create, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ContentResult.Refused(refused, CmsOperation.Create);
        }

        options ??= new VersionOptions();
        var type = documentTypes.Find(contentType);
        if (type is null)
        {
            return ContentResult.Fail($"Dokumenttypen \"{contentType}\" findes ikke.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        ContentNode? parent = null;
        if (parentKey is not null)
        {
            parent = await db.ContentNodes.SingleOrDefaultAsync(n => n.Key == parentKey, cancellationToken);
            if (parent is null || parent.TrashedUtc is not null)
            {
                return ContentResult.Fail("Den overordnede side findes ikke.");
            }

            if (!documentTypes.Get(parent.ContentType).AllowedChildTypes.Contains(contentType))
            {
                return ContentResult.Fail($"En {type.Name.ToLowerInvariant()} kan ikke oprettes under en {documentTypes.Get(parent.ContentType).Name.ToLowerInvariant()}.");
            }
        }
        else if (!type.AllowedAtRoot)
        {
            return ContentResult.Fail($"En {type.Name.ToLowerInvariant()} kan ikke oprettes i roden af træet.");
        }

        var segment = string.IsNullOrWhiteSpace(urlSegment) ? UrlSegments.FromName(name) : urlSegment.Trim();
        var errors = ContentValidator.ValidateForSave(type, name, segment, values);
        if (errors.Count == 0 && await SegmentTakenAsync(db, parent?.Id, segment, exceptNodeId: null, cancellationToken))
        {
            errors.Add(SegmentTaken(segment));
        }

        if (options.Key is { } wantedKey && await db.ContentNodes.AnyAsync(n => n.Key == wantedKey, cancellationToken))
        {
            errors.Add(new ContentError(null, "Der findes allerede en side med denne nøgle."));
        }

        if (errors.Count > 0)
        {
            return ContentResult.Fail(errors);
        }

        var now = clock.GetUtcNow();
        var sortOrder = options.SortOrder ?? (await db.ContentNodes.Where(n => n.ParentId == (parent == null ? null : parent.Id)).MaxAsync(n => (int?)n.SortOrder, cancellationToken) ?? -1) + 1;
        var node = new ContentNode
        {
            Key = options.Key ?? Guid.NewGuid(),
            ParentId = parent?.Id,
            SortOrder = sortOrder,
            ContentType = contentType,
            CreatedUtc = now,
            CreatedBy = actor,
            LatestVersionNumber = 1,
        };
        node.Versions.Add(NewVersion(1, name.Trim(), segment, values, actor, now, options));
        db.ContentNodes.Add(node);
        db.AuditEntries.Add(Audit(actor, options.Origin == VersionOrigin.Import ? AuditActions.Import : AuditActions.Create, node.Key, $"{type.Name} \"{name.Trim()}\", version 1", now));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Saved, [node.Key], AffectsPublished: false), cancellationToken);
        return ContentResult.Ok(node.Key, 1);
    }

    /// <summary>Saves a new version. <paramref name="basedOnVersion"/> is the version the editor started from; if someone saved since, nothing is written and the conflict is returned.</summary>
    public async Task<ContentResult> SaveAsync(
        Guid key,
        int basedOnVersion,
        string name,
        string? urlSegment,
        IReadOnlyDictionary<string, object?> values,
        string actor,
        VersionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Save, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ContentResult.Refused(refused, CmsOperation.Save);
        }

        options ??= new VersionOptions();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var node = await db.ContentNodes.SingleOrDefaultAsync(n => n.Key == key, cancellationToken);
        if (node is null)
        {
            return ContentResult.NotFound();
        }

        var type = documentTypes.Get(node.ContentType);
        var segment = string.IsNullOrWhiteSpace(urlSegment) ? UrlSegments.FromName(name) : urlSegment.Trim();
        IReadOnlyList<string> takenFromTheirs = [];
        if (node.LatestVersionNumber != basedOnVersion)
        {
            // Someone saved since the editor started: merge field by field against the version they started from.
            var merged = await MergeWithLatestAsync(db, node, type, basedOnVersion, name, segment, values, cancellationToken);
            if (merged is null || !merged.IsClean)
            {
                return await ConflictAsync(db, node, cancellationToken, merged);
            }

            (name, segment, values, takenFromTheirs) = (merged.Name, merged.UrlSegment, merged.Values, merged.TakenFromTheirs);
        }

        var errors = ContentValidator.ValidateForSave(type, name, segment, values);
        if (errors.Count == 0 && await SegmentTakenAsync(db, node.ParentId, segment, node.Id, cancellationToken))
        {
            errors.Add(SegmentTaken(segment));
        }

        if (errors.Count > 0)
        {
            return ContentResult.Fail(errors);
        }

        var now = clock.GetUtcNow();
        var number = node.LatestVersionNumber + 1;
        node.LatestVersionNumber = number;
        db.ContentVersions.Add(NewVersion(number, name.Trim(), segment, values, actor, now, options, node.Id));
        db.AuditEntries.Add(Audit(actor, AuditActions.Save, key, $"version {number}", now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save took the same version number between our read and our write.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var current = await fresh.ContentNodes.SingleAsync(n => n.Key == key, cancellationToken);
            return await ConflictAsync(fresh, current, cancellationToken);
        }

        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Saved, [key], AffectsPublished: false), cancellationToken);
        return ContentResult.Ok(key, number) with { MergedFromOthers = takenFromTheirs };
    }

    /// <summary>
    /// Publishes the newest version only if it is <paramref name="expectedVersion"/>, the version the editor's screen
    /// shows: a stale screen must not publish a newer draft it never saw.
    /// </summary>
    public async Task<ContentResult> PublishAsync(Guid key, int expectedVersion, string actor, CancellationToken cancellationToken = default)
    {
        // Checked before the version comparison too, so a refused user learns nothing of a newer draft.
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Publish, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ContentResult.Refused(refused, CmsOperation.Publish);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var node = await db.ContentNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Key == key, cancellationToken);
            if (node is null || node.TrashedUtc is not null)
            {
                return ContentResult.NotFound();
            }

            if (node.LatestVersionNumber != expectedVersion)
            {
                var conflict = await ConflictAsync(db, node, cancellationToken);
                return conflict with
                {
                    Errors = [new ContentError(null, $"{conflict.Conflict!.LatestAuthor} har gemt en nyere version ({conflict.Conflict.LatestVersionNumber}) af siden, som din skærm ikke viser. Intet er udgivet: se den nye version, før du udgiver.")],
                };
            }
        }

        return await PublishAsync(key, actor, cancellationToken);
    }

    private async Task<MergeOutcome?> MergeWithLatestAsync(CmsDbContext db, ContentNode node, DocumentType type, int basedOnVersion, string name, string segment, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var pair = await db.ContentVersions.AsNoTracking()
            .Where(v => v.NodeId == node.Id && (v.Number == basedOnVersion || v.Number == node.LatestVersionNumber))
            .ToListAsync(cancellationToken);
        var started = pair.SingleOrDefault(v => v.Number == basedOnVersion);
        var latest = pair.SingleOrDefault(v => v.Number == node.LatestVersionNumber);
        if (started is null || latest is null)
        {
            return null;
        }

        return ThreeWayMerge.Merge(
            (started.Name, started.UrlSegment, ContentValues.Deserialize(started.ValuesJson, type)),
            (latest.Name, latest.UrlSegment, ContentValues.Deserialize(latest.ValuesJson, type)),
            (name, segment, values));
    }

    /// <summary>Publishes the node's newest version. Its parent must be published, and required values present.</summary>
    public async Task<ContentResult> PublishAsync(Guid key, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Publish, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ContentResult.Refused(refused, CmsOperation.Publish);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var node = await db.ContentNodes.Include(n => n.Parent).SingleOrDefaultAsync(n => n.Key == key, cancellationToken);
        if (node is null || node.TrashedUtc is not null)
        {
            return ContentResult.NotFound();
        }

        if (node.Parent is { } parent && (parent.PublishedVersionId is null || parent.TrashedUtc is not null))
        {
            return ContentResult.Fail("Den overordnede side er ikke udgivet. Udgiv den først.");
        }

        var latest = await db.ContentVersions.SingleAsync(v => v.NodeId == node.Id && v.Number == node.LatestVersionNumber, cancellationToken);
        var type = documentTypes.Get(node.ContentType);
        var errors = ContentValidator.ValidateForPublish(type, ContentValues.Deserialize(latest.ValuesJson, type));
        if (errors.Count > 0)
        {
            return ContentResult.Fail(errors);
        }

        var now = clock.GetUtcNow();
        node.PublishedVersionId = latest.Id;
        node.PublishedUtc = now;
        node.PublishedBy = actor;
        db.AuditEntries.Add(Audit(actor, AuditActions.Publish, key, $"version {latest.Number}", now));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Published, [key], AffectsPublished: true), cancellationToken);
        return ContentResult.Ok(key, latest.Number);
    }

    public async Task<ContentResult> UnpublishAsync(Guid key, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Unpublish, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ContentResult.Refused(refused, CmsOperation.Unpublish);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var node = await db.ContentNodes.SingleOrDefaultAsync(n => n.Key == key, cancellationToken);
        if (node is null)
        {
            return ContentResult.NotFound();
        }

        if (node.PublishedVersionId is null)
        {
            return ContentResult.Fail("Siden er ikke udgivet.");
        }

        var now = clock.GetUtcNow();
        node.PublishedVersionId = null;
        node.PublishedUtc = now;
        node.PublishedBy = actor;
        db.AuditEntries.Add(Audit(actor, AuditActions.Unpublish, key, null, now));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Unpublished, [key], AffectsPublished: true), cancellationToken);
        return ContentResult.Ok(key);
    }

    /// <summary>
    /// Restores an earlier version as a new draft version. It never publishes: the public page keeps its published version
    /// until someone presses "Udgiv" (the backoffice asks), so a rollback cannot put an old text live by surprise.
    /// </summary>
    public async Task<ContentResult> RollbackAsync(Guid key, int versionNumber, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Rollback, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ContentResult.Refused(refused, CmsOperation.Rollback);
        }

        int latestNumber;
        ContentVersion old;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var node = await db.ContentNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Key == key, cancellationToken);
            if (node is null)
            {
                return ContentResult.NotFound();
            }

            var found = await db.ContentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.NodeId == node.Id && v.Number == versionNumber, cancellationToken);
            if (found is null)
            {
                return ContentResult.Fail($"Version {versionNumber} findes ikke.");
            }

            old = found;
            latestNumber = node.LatestVersionNumber;
        }

        var type = documentTypes.Get((await GetNodeTypeAsync(key, cancellationToken))!);
        var saved = await SaveAsync(key, latestNumber, old.Name, old.UrlSegment, ContentValues.Deserialize(old.ValuesJson, type), actor, new VersionOptions(VersionOrigin.Rollback), cancellationToken);
        if (!saved.Succeeded)
        {
            return saved;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var version = await db.ContentVersions.SingleAsync(v => v.Node!.Key == key && v.Number == saved.VersionNumber, cancellationToken);
            version.RestoredFromNumber = versionNumber;
            db.AuditEntries.Add(Audit(actor, AuditActions.Rollback, key, $"version {versionNumber} gendannet som version {saved.VersionNumber}", clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.RolledBack, [key], AffectsPublished: false), cancellationToken);
        return saved;
    }

    /// <summary>Moves a node (with its subtree) under a new parent, or to the root when <paramref name="newParentKey"/> is null.</summary>
    public async Task<ContentResult> MoveAsync(Guid key, Guid? newParentKey, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Move, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ContentResult.Refused(refused, CmsOperation.Move);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var node = await db.ContentNodes.SingleOrDefaultAsync(n => n.Key == key, cancellationToken);
        if (node is null || node.TrashedUtc is not null)
        {
            return ContentResult.NotFound();
        }

        var type = documentTypes.Get(node.ContentType);
        ContentNode? newParent = null;
        if (newParentKey is not null)
        {
            newParent = await db.ContentNodes.SingleOrDefaultAsync(n => n.Key == newParentKey, cancellationToken);
            if (newParent is null || newParent.TrashedUtc is not null)
            {
                return ContentResult.Fail("Den nye overordnede side findes ikke.");
            }

            if (!documentTypes.Get(newParent.ContentType).AllowedChildTypes.Contains(node.ContentType))
            {
                return ContentResult.Fail($"En {type.Name.ToLowerInvariant()} kan ikke ligge under en {documentTypes.Get(newParent.ContentType).Name.ToLowerInvariant()}.");
            }

            if (await IsSelfOrDescendantAsync(db, newParent.Id, node.Id, cancellationToken))
            {
                return ContentResult.Fail("En side kan ikke flyttes ind under sig selv.");
            }
        }
        else if (!type.AllowedAtRoot)
        {
            return ContentResult.Fail($"En {type.Name.ToLowerInvariant()} kan ikke ligge i roden af træet.");
        }

        var segment = await db.ContentVersions.Where(v => v.NodeId == node.Id && v.Number == node.LatestVersionNumber).Select(v => v.UrlSegment).SingleAsync(cancellationToken);
        if (await SegmentTakenAsync(db, newParent?.Id, segment, node.Id, cancellationToken))
        {
            return ContentResult.Fail(SegmentTaken(segment).Message);
        }

        var now = clock.GetUtcNow();
        node.ParentId = newParent?.Id;
        node.SortOrder = (await db.ContentNodes.Where(n => n.ParentId == node.ParentId && n.Id != node.Id).MaxAsync(n => (int?)n.SortOrder, cancellationToken) ?? -1) + 1;
        db.AuditEntries.Add(Audit(actor, AuditActions.Move, key, newParentKey is null ? "til roden" : $"under {newParentKey}", now));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Moved, [key], AffectsPublished: node.PublishedVersionId is not null), cancellationToken);
        return ContentResult.Ok(key);
    }

    /// <summary>Sets the order of a parent's children to the order given.</summary>
    public async Task<ContentResult> SortAsync(Guid? parentKey, IReadOnlyList<Guid> orderedKeys, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Sort, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ContentResult.Refused(refused, CmsOperation.Sort);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        int? parentId = null;
        if (parentKey is not null)
        {
            parentId = await db.ContentNodes.Where(n => n.Key == parentKey).Select(n => (int?)n.Id).SingleOrDefaultAsync(cancellationToken);
            if (parentId is null)
            {
                return ContentResult.NotFound();
            }
        }

        var children = await db.ContentNodes.Where(n => n.ParentId == parentId && n.TrashedUtc == null).ToListAsync(cancellationToken);
        if (children.Count != orderedKeys.Count || children.Any(c => !orderedKeys.Contains(c.Key)))
        {
            return ContentResult.Fail("Rækkefølgen skal nævne hver underside præcis én gang. Genindlæs siden og prøv igen.");
        }

        for (var i = 0; i < orderedKeys.Count; i++)
        {
            children.Single(c => c.Key == orderedKeys[i]).SortOrder = i;
        }

        db.AuditEntries.Add(Audit(actor, AuditActions.Sort, parentKey, null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Sorted, orderedKeys, AffectsPublished: true), cancellationToken);
        return ContentResult.Ok(parentKey ?? Guid.Empty);
    }

    /// <summary>Moves a node and its subtree to the recycle bin; it disappears from the public site.</summary>
    public async Task<ContentResult> TrashAsync(Guid key, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Trash, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ContentResult.Refused(refused, CmsOperation.Trash);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var node = await db.ContentNodes.SingleOrDefaultAsync(n => n.Key == key, cancellationToken);
        if (node is null || node.TrashedUtc is not null)
        {
            return ContentResult.NotFound();
        }

        var now = clock.GetUtcNow();
        node.TrashedUtc = now;
        db.AuditEntries.Add(Audit(actor, AuditActions.Trash, key, null, now));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Trashed, [key], AffectsPublished: true), cancellationToken);
        return ContentResult.Ok(key);
    }

    /// <summary>
    /// Takes a node out of the recycle bin, back to where it was, as unpublished: the node and its subtree come back as
    /// drafts (every version kept) and reach the public site again only when an editor publishes them.
    /// </summary>
    public async Task<ContentResult> RestoreAsync(Guid key, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Restore, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ContentResult.Refused(refused, CmsOperation.Restore);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var node = await db.ContentNodes.Include(n => n.Parent).SingleOrDefaultAsync(n => n.Key == key, cancellationToken);
        if (node is null || node.TrashedUtc is null)
        {
            return ContentResult.NotFound();
        }

        if (node.Parent is { TrashedUtc: not null })
        {
            return ContentResult.Fail("Den overordnede side ligger selv i papirkurven. Gendan den først.");
        }

        var segment = await db.ContentVersions.Where(v => v.NodeId == node.Id && v.Number == node.LatestVersionNumber).Select(v => v.UrlSegment).SingleAsync(cancellationToken);
        if (await SegmentTakenAsync(db, node.ParentId, segment, node.Id, cancellationToken))
        {
            return ContentResult.Fail(SegmentTaken(segment).Message + " Omdøb den anden side først.");
        }

        var now = clock.GetUtcNow();
        var subtree = await SubtreeIdsAsync(db, node.Id, cancellationToken);
        var wasPublished = await db.ContentNodes.Where(n => subtree.Contains(n.Id) && n.PublishedVersionId != null).Select(n => n.Key).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ContentNodes.Where(n => subtree.Contains(n.Id) && n.PublishedVersionId != null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.PublishedVersionId, (int?)null).SetProperty(n => n.PublishedUtc, (DateTimeOffset?)now).SetProperty(n => n.PublishedBy, actor), cancellationToken);
        node.TrashedUtc = null;
        db.AuditEntries.Add(Audit(actor, AuditActions.Restore, key, wasPublished.Count == 0 ? "gendannet som kladde" : $"gendannet som kladde; {wasPublished.Count} side(r) afpubliceret", now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Restored, [key, .. wasPublished.Where(k => k != key)], AffectsPublished: false), cancellationToken);
        return ContentResult.Ok(key);
    }

    /// <summary>
    /// Copies a node (and, when asked, its subtree) under <paramref name="targetParentKey"/> (null: the root). Each copy gets
    /// a new key and a version 1 from the original's newest version, unpublished; the top copy's URL segment is made unique
    /// among its new siblings ("-kopi", "-kopi-2" …). Nodes in the recycle bin are not copied.
    /// </summary>
    public async Task<ContentResult> CopyAsync(Guid key, Guid? targetParentKey, bool includeDescendants, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Copy, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ContentResult.Refused(refused, CmsOperation.Copy);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.ContentNodes.AsNoTracking()
            .Select(n => new NodeLink(n.Id, n.ParentId, n.Key, n.ContentType, n.SortOrder, n.LatestVersionNumber, n.TrashedUtc != null))
            .ToListAsync(cancellationToken);
        var source = links.SingleOrDefault(n => n.Key == key);
        if (source is null || source.IsTrashed)
        {
            return ContentResult.NotFound();
        }

        var type = documentTypes.Get(source.ContentType);
        NodeLink? parent = null;
        if (targetParentKey is not null)
        {
            parent = links.SingleOrDefault(n => n.Key == targetParentKey);
            if (parent is null || parent.IsTrashed)
            {
                return ContentResult.Fail("Den side, der skal kopieres til, findes ikke.");
            }

            if (!documentTypes.Get(parent.ContentType).AllowedChildTypes.Contains(source.ContentType))
            {
                return ContentResult.Fail($"En {type.Name.ToLowerInvariant()} kan ikke ligge under en {documentTypes.Get(parent.ContentType).Name.ToLowerInvariant()}.");
            }
        }
        else if (!type.AllowedAtRoot)
        {
            return ContentResult.Fail($"En {type.Name.ToLowerInvariant()} kan ikke ligge i roden af træet.");
        }

        // The subtree is read before anything is written, so copying a node into its own subtree cannot loop.
        var toCopy = new List<NodeLink> { source };
        if (includeDescendants)
        {
            var childrenOf = links.Where(n => !n.IsTrashed && n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
            for (var i = 0; i < toCopy.Count; i++)
            {
                toCopy.AddRange(childrenOf[toCopy[i].Id]);
            }
        }

        var ids = toCopy.Select(n => n.Id).ToList();
        var latestVersions = await db.ContentVersions.AsNoTracking()
            .Where(v => ids.Contains(v.NodeId))
            .Join(db.ContentNodes, v => new { v.NodeId, v.Number }, n => new { NodeId = n.Id, Number = n.LatestVersionNumber }, (v, n) => v)
            .ToDictionaryAsync(v => v.NodeId, cancellationToken);

        var siblingSegments = await (from sibling in db.ContentNodes
                                     where sibling.ParentId == (parent == null ? null : parent.Id) && sibling.TrashedUtc == null
                                     join version in db.ContentVersions on new { NodeId = sibling.Id, Number = sibling.LatestVersionNumber } equals new { version.NodeId, version.Number }
                                     select version.UrlSegment).ToListAsync(cancellationToken);
        var topSegment = UniqueCopySegment(latestVersions[source.Id].UrlSegment, siblingSegments.ToHashSet(StringComparer.OrdinalIgnoreCase));

        var now = clock.GetUtcNow();
        var copies = new Dictionary<int, ContentNode>();
        foreach (var original in toCopy)
        {
            var version = latestVersions[original.Id];
            var isTop = original.Id == source.Id;
            var copy = new ContentNode
            {
                Key = Guid.NewGuid(),
                ParentId = isTop ? parent?.Id : null,
                Parent = isTop ? null : copies[original.ParentId!.Value],
                SortOrder = isTop
                    ? links.Where(n => n.ParentId == parent?.Id && !n.IsTrashed).Select(n => (int?)n.SortOrder).Max() + 1 ?? 0
                    : original.SortOrder,
                ContentType = original.ContentType,
                CreatedUtc = now,
                CreatedBy = actor,
                LatestVersionNumber = 1,
            };
            copy.Versions.Add(new ContentVersion
            {
                Number = 1,
                Name = version.Name,
                UrlSegment = isTop ? topSegment : version.UrlSegment,
                ValuesJson = version.ValuesJson,
                CreatedUtc = now,
                CreatedBy = actor,
                Origin = VersionOrigin.Copy,
            });
            copies[original.Id] = copy;
            db.ContentNodes.Add(copy);
            db.AuditEntries.Add(Audit(actor, AuditActions.Copy, copy.Key, $"kopi af {original.Key} (version {original.LatestVersionNumber})", now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Saved, copies.Values.Select(c => c.Key).ToList(), AffectsPublished: false), cancellationToken);
        return ContentResult.Ok(copies[source.Id].Key, 1);
    }

    /// <summary>
    /// Deletes a node in the recycle bin for good, with its subtree, versions and schedules. Each removed node gets a
    /// "delete" audit entry, which the importer reads as a tombstone so the node is not brought back from a content file.
    /// </summary>
    public async Task<ContentResult> DeleteAsync(Guid key, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Delete, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return ContentResult.Refused(refused, CmsOperation.Delete);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.ContentNodes.AsNoTracking()
            .Select(n => new NodeLink(n.Id, n.ParentId, n.Key, n.ContentType, n.SortOrder, n.LatestVersionNumber, n.TrashedUtc != null))
            .ToListAsync(cancellationToken);
        var node = links.SingleOrDefault(n => n.Key == key);
        if (node is null)
        {
            return ContentResult.NotFound();
        }

        var byId = links.ToDictionary(n => n.Id);
        if (!IsInRecycleBin(node, byId))
        {
            return ContentResult.Fail("Siden ligger ikke i papirkurven. Læg den i papirkurven, før du sletter den permanent.");
        }

        await DeleteSubtreesAsync(db, [node], links, actor, cancellationToken);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Deleted, [key], AffectsPublished: false), cancellationToken);
        return ContentResult.Ok(key);
    }

    /// <summary>Deletes everything in the recycle bin for good; returns how many nodes were removed.</summary>
    public async Task<int> EmptyRecycleBinAsync(string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.Delete, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            // No screen empties the bin; a caller that may not is a programming error, not an editor's mistake.
            throw new UnauthorizedAccessException($"Emptying the recycle bin was refused: {refused}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.ContentNodes.AsNoTracking()
            .Select(n => new NodeLink(n.Id, n.ParentId, n.Key, n.ContentType, n.SortOrder, n.LatestVersionNumber, n.TrashedUtc != null))
            .ToListAsync(cancellationToken);
        var trashed = links.Where(n => n.IsTrashed).ToList();
        if (trashed.Count == 0)
        {
            return 0;
        }

        var removed = await DeleteSubtreesAsync(db, trashed, links, actor, cancellationToken);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Deleted, trashed.Select(n => n.Key).ToList(), AffectsPublished: false), cancellationToken);
        return removed;
    }

    private async Task<int> DeleteSubtreesAsync(CmsDbContext db, IReadOnlyList<NodeLink> tops, IReadOnlyList<NodeLink> links, string actor, CancellationToken cancellationToken)
    {
        var childrenOf = links.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        var subtree = new List<NodeLink>();
        var seen = new HashSet<int>();
        var queue = new Queue<NodeLink>(tops);
        while (queue.TryDequeue(out var current))
        {
            if (!seen.Add(current.Id))
            {
                continue;
            }

            subtree.Add(current);
            foreach (var child in childrenOf[current.Id])
            {
                queue.Enqueue(child);
            }
        }

        var ids = subtree.Select(n => n.Id).ToList();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Parent and published-version links restrict deletes; cut them first so the rows can go in any order.
        await db.ContentNodes.Where(n => ids.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.PublishedVersionId, (int?)null).SetProperty(n => n.ParentId, (int?)null), cancellationToken);
        await db.ContentSchedules.Where(s => ids.Contains(s.NodeId)).ExecuteDeleteAsync(cancellationToken);
        await db.ContentVersions.Where(v => ids.Contains(v.NodeId)).ExecuteDeleteAsync(cancellationToken);
        await db.ContentNodes.Where(n => ids.Contains(n.Id)).ExecuteDeleteAsync(cancellationToken);
        db.AuditEntries.AddRange(subtree.Select(n => Audit(actor, AuditActions.Delete, n.Key, $"{documentTypes.Find(n.ContentType)?.Name ?? n.ContentType} slettet permanent", now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return subtree.Count;
    }

    private static bool IsInRecycleBin(NodeLink node, IReadOnlyDictionary<int, NodeLink> byId)
    {
        for (NodeLink? current = node; current is not null; current = current.ParentId is { } parentId ? byId.GetValueOrDefault(parentId) : null)
        {
            if (current.IsTrashed)
            {
                return true;
            }
        }

        return false;
    }

    private static string UniqueCopySegment(string segment, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(segment))
        {
            return segment;
        }

        var candidate = segment + "-kopi";
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{segment}-kopi-{n}";
        }

        return candidate;
    }

    private sealed record NodeLink(int Id, int? ParentId, Guid Key, string ContentType, int SortOrder, int LatestVersionNumber, bool IsTrashed);

    private async Task<string?> GetNodeTypeAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ContentNodes.Where(n => n.Key == key).Select(n => n.ContentType).SingleOrDefaultAsync(cancellationToken);
    }

    private static async Task<bool> SegmentTakenAsync(CmsDbContext db, int? parentId, string segment, int? exceptNodeId, CancellationToken cancellationToken) =>
        await (from sibling in db.ContentNodes
               where sibling.ParentId == parentId && sibling.TrashedUtc == null && sibling.Id != exceptNodeId
               join version in db.ContentVersions on new { NodeId = sibling.Id, Number = sibling.LatestVersionNumber } equals new { version.NodeId, version.Number }
               where version.UrlSegment == segment
               select sibling.Id).AnyAsync(cancellationToken);

    /// <summary>The node's id and every descendant's, in the bin or not.</summary>
    private static async Task<List<int>> SubtreeIdsAsync(CmsDbContext db, int rootId, CancellationToken cancellationToken)
    {
        var links = await db.ContentNodes.AsNoTracking().Select(n => new { n.Id, n.ParentId }).ToListAsync(cancellationToken);
        var childrenOf = links.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value, n => n.Id);
        var ids = new List<int>();
        var queue = new Queue<int>([rootId]);
        while (queue.TryDequeue(out var current))
        {
            ids.Add(current);
            foreach (var child in childrenOf[current])
            {
                queue.Enqueue(child);
            }
        }

        return ids;
    }

    private static async Task<bool> IsSelfOrDescendantAsync(CmsDbContext db, int candidateId, int ancestorId, CancellationToken cancellationToken)
    {
        int? current = candidateId;
        while (current is not null)
        {
            if (current == ancestorId)
            {
                return true;
            }

            current = await db.ContentNodes.Where(n => n.Id == current).Select(n => n.ParentId).SingleAsync(cancellationToken);
        }

        return false;
    }

    private async Task<ContentResult> ConflictAsync(CmsDbContext db, ContentNode node, CancellationToken cancellationToken, MergeOutcome? merged = null)
    {
        var latest = await db.ContentVersions.AsNoTracking().SingleAsync(v => v.NodeId == node.Id && v.Number == node.LatestVersionNumber, cancellationToken);
        var type = documentTypes.Get(node.ContentType);
        return new ContentResult
        {
            Key = node.Key,
            Conflict = new ContentConflict(latest.Number, latest.CreatedBy, latest.CreatedUtc, latest.Name, ContentValues.Deserialize(latest.ValuesJson, type))
            {
                LatestUrlSegment = latest.UrlSegment,
                Fields = merged?.Conflicts ?? [],
                Merged = merged,
            },
            Errors = [new ContentError(null, $"{latest.CreatedBy} har gemt en nyere version ({latest.Number}) af siden, mens du redigerede. Dine ændringer er ikke gemt endnu: sammenlign med den nye version, og gem igen.")],
        };
    }

    private static ContentVersion NewVersion(int number, string name, string segment, IReadOnlyDictionary<string, object?> values, string actor, DateTimeOffset now, VersionOptions options, int nodeId = 0) => new()
    {
        NodeId = nodeId,
        Number = number,
        Name = name,
        UrlSegment = segment,
        ValuesJson = ContentValues.Serialize(values),
        CreatedUtc = now,
        CreatedBy = actor,
        Origin = options.Origin,
        ImportHash = options.ImportHash,
    };

    private static ContentError SegmentTaken(string segment) =>
        new("urlSegment", $"URL-navnet \"{segment}\" bruges allerede af en anden side på samme niveau. Vælg et andet.");

    private static AuditEntry Audit(string actor, string action, Guid? key, string? details, DateTimeOffset now) =>
        new() { Actor = actor, Action = action, NodeKey = key, Details = details, TimestampUtc = now };
}
