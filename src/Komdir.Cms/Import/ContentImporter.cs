using Komdir.Cms.Authorization;
using Komdir.Cms.Audit;
using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Komdir.Cms.Import;

/// <summary>What an import did, node by node.</summary>
public sealed record ImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<string> Skipped, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Brings content files into the tree and publishes them. Idempotent: a node whose file has not changed is left
/// alone, and a node an editor has changed since its last import (or deleted) is never overwritten or brought back.
/// A node whose file changed and that no editor has touched gets a new version from the file.
/// </summary>
public sealed class ContentImporter(
    IDbContextFactory<CmsDbContext> dbFactory,
    ContentService contentService,
    ContentChangeNotifier notifier,
    DocumentTypeCollection documentTypes,
    ILogger<ContentImporter> logger)
{
    public const string Actor = SystemActors.Import;

    public async Task<ImportReport> ImportAsync(string contentFolder, CancellationToken cancellationToken = default)
    {
        var (roots, readErrors) = new ContentFileReader().Read(contentFolder);
        var errors = new List<string>(readErrors);
        var skipped = new List<string>();
        int created = 0, updated = 0, unchanged = 0;

        await notifier.RunBatchAsync(async () =>
        {
            foreach (var root in roots)
            {
                await ImportNodeAsync(root, parentKey: null);
            }
        }, cancellationToken);

        var report = new ImportReport(created, updated, unchanged, skipped, errors);
        logger.LogInformation("Content import: {Created} created, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped, {Errors} errors", created, updated, unchanged, skipped.Count, errors.Count);
        foreach (var error in errors)
        {
            logger.LogError("Content import error: {Error}", error);
        }

        return report;

        async Task ImportNodeAsync(ContentFile file, Guid? parentKey)
        {
            var type = documentTypes.Find(file.ContentType);
            if (type is null)
            {
                errors.Add($"{file.RelativePath}: unknown document type '{file.ContentType}'.");
                return;
            }

            if (!TryMapValues(file, type, out var values, out var valueErrors))
            {
                errors.AddRange(valueErrors);
                return;
            }

            var state = await ReadStateAsync(file.Key, cancellationToken);
            ContentResult result;
            switch (state)
            {
                case { Exists: false, WasDeleted: true }:
                    skipped.Add($"{file.RelativePath}: deleted by an editor, not brought back.");
                    return;
                case { Exists: false }:
                    result = await contentService.CreateAsync(parentKey, file.ContentType, file.Name, file.UrlSegment, values, Actor,
                        new VersionOptions(VersionOrigin.Import, file.Sha256, file.Key, file.SortOrder), cancellationToken);
                    if (result.Succeeded)
                    {
                        result = await contentService.PublishAsync(file.Key, Actor, cancellationToken);
                        created++;
                    }

                    break;
                case { LatestOrigin: VersionOrigin.Import } when state.LatestImportHash == file.Sha256:
                    unchanged++;
                    result = ContentResult.Ok(file.Key);
                    break;
                case { LatestOrigin: VersionOrigin.Import }:
                    result = await contentService.SaveAsync(file.Key, state.LatestVersionNumber, file.Name, file.UrlSegment, values, Actor,
                        new VersionOptions(VersionOrigin.Import, file.Sha256), cancellationToken);
                    if (result.Succeeded && state.IsPublished)
                    {
                        result = await contentService.PublishAsync(file.Key, Actor, cancellationToken);
                    }

                    updated++;
                    break;
                default:
                    skipped.Add($"{file.RelativePath}: changed by an editor since it was imported; the backoffice version is kept.");
                    result = ContentResult.Ok(file.Key);
                    break;
            }

            if (!result.Succeeded)
            {
                errors.AddRange(result.Errors.Select(e => $"{file.RelativePath}: {(e.Field is null ? "" : e.Field + ": ")}{e.Message}"));
                return;
            }

            foreach (var child in file.Children)
            {
                await ImportNodeAsync(child, file.Key);
            }
        }
    }

    private static bool TryMapValues(ContentFile file, DocumentType type, out Dictionary<string, object?> values, out List<string> errors)
    {
        values = new Dictionary<string, object?>(StringComparer.Ordinal);
        errors = [];
        foreach (var (alias, raw) in file.FrontMatter)
        {
            var property = type.FindProperty(alias);
            if (property is null)
            {
                errors.Add($"{file.RelativePath}: '{alias}' is not a property of '{type.Alias}'.");
                continue;
            }

            try
            {
                values[alias] = ContentValues.Coerce(raw, property.Editor);
            }
            catch (Exception exception) when (exception is FormatException or InvalidCastException or OverflowException)
            {
                errors.Add($"{file.RelativePath}: '{alias}': {exception.Message}");
            }
        }

        if (file.Body.Length > 0)
        {
            if (type.BodyProperty is null)
            {
                errors.Add($"{file.RelativePath}: type '{type.Alias}' has no body property, but the file has a body.");
            }
            else
            {
                values[type.BodyProperty] = file.Body;
            }
        }

        return errors.Count == 0;
    }

    private sealed record NodeState(bool Exists, bool WasDeleted, bool IsPublished, int LatestVersionNumber, VersionOrigin LatestOrigin, string? LatestImportHash);

    private async Task<NodeState> ReadStateAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var node = await db.ContentNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Key == key, cancellationToken);
        if (node is null)
        {
            // The audit log doubles as the tombstone list: a node deleted for good in the backoffice stays deleted.
            var deleted = await db.AuditEntries.AnyAsync(a => a.NodeKey == key && a.Action == AuditActions.Delete, cancellationToken);
            return new NodeState(false, deleted, false, 0, VersionOrigin.Editor, null);
        }

        var latest = await db.ContentVersions.AsNoTracking()
            .Where(v => v.NodeId == node.Id && v.Number == node.LatestVersionNumber)
            .Select(v => new { v.Origin, v.ImportHash })
            .SingleAsync(cancellationToken);
        return new NodeState(true, false, node.PublishedVersionId is not null, node.LatestVersionNumber, latest.Origin, latest.ImportHash);
    }
}
