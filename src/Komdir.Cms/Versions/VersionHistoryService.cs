using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Persistence;
using Komdir.Cms.Text;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Versions;

/// <summary>One version in a node's history.</summary>
public sealed record VersionSummary(
    int Number,
    string Name,
    string CreatedBy,
    DateTimeOffset CreatedUtc,
    VersionOrigin Origin,
    bool IsPublished,
    bool IsLatest,
    int? RestoredFromNumber);

/// <summary>One version's full content, its values read by the document type.</summary>
public sealed record VersionDetails(
    Guid Key,
    string ContentType,
    int Number,
    string Name,
    string UrlSegment,
    IReadOnlyDictionary<string, object?> Values,
    string CreatedBy,
    DateTimeOffset CreatedUtc,
    VersionOrigin Origin,
    bool IsPublished,
    int? RestoredFromNumber);

/// <summary>How one field differs between two versions.</summary>
/// <param name="Alias">"name", "urlSegment" or the property alias.</param>
/// <param name="Label">What editors call the field (Danish).</param>
/// <param name="Editor">The property's editor kind; null for name and URL segment.</param>
/// <param name="IsChanged">False when both versions hold the same; the UI may hide such rows.</param>
/// <param name="TextDiff">Word-level difference for text kinds (list items joined by new lines); null otherwise.</param>
/// <param name="Before">The older value as display text, for kinds without a word diff.</param>
/// <param name="After">The newer value as display text, for kinds without a word diff.</param>
public sealed record PropertyDifference(
    string Alias,
    string Label,
    PropertyEditor? Editor,
    bool IsChanged,
    IReadOnlyList<DiffSegment>? TextDiff,
    string? Before,
    string? After);

/// <summary>The differences between two versions of a node, field by field in the document type's order.</summary>
public sealed record VersionComparison(Guid Key, int FromNumber, int ToNumber, IReadOnlyList<PropertyDifference> Properties)
{
    public IEnumerable<PropertyDifference> Changed => Properties.Where(p => p.IsChanged);
}

/// <summary>Reads a node's versions for the backoffice's history panel and compares any two of them.</summary>
public sealed class VersionHistoryService(IDbContextFactory<CmsDbContext> dbFactory, DocumentTypeCollection documentTypes)
{
    /// <summary>Every version of the node, newest first; empty when the node does not exist.</summary>
    public async Task<IReadOnlyList<VersionSummary>> ListAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var node = await db.ContentNodes.AsNoTracking().Where(n => n.Key == key)
            .Select(n => new { n.Id, n.PublishedVersionId, n.LatestVersionNumber })
            .SingleOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            return [];
        }

        var versions = await db.ContentVersions.AsNoTracking()
            .Where(v => v.NodeId == node.Id)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.Name, v.CreatedBy, v.CreatedUtc, v.Origin, v.RestoredFromNumber })
            .ToListAsync(cancellationToken);
        return versions
            .Select(v => new VersionSummary(v.Number, v.Name, v.CreatedBy, v.CreatedUtc, v.Origin, v.Id == node.PublishedVersionId, v.Number == node.LatestVersionNumber, v.RestoredFromNumber))
            .ToList();
    }

    /// <summary>One version's content; null when the node or the version does not exist.</summary>
    public async Task<VersionDetails?> GetAsync(Guid key, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from node in db.ContentNodes.AsNoTracking()
                           where node.Key == key
                           join version in db.ContentVersions.AsNoTracking() on node.Id equals version.NodeId
                           where version.Number == number
                           select new { node.ContentType, node.PublishedVersionId, Version = version })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var v = found.Version;
        var type = documentTypes.Get(found.ContentType);
        return new VersionDetails(key, found.ContentType, v.Number, v.Name, v.UrlSegment, ContentValues.Deserialize(v.ValuesJson, type), v.CreatedBy, v.CreatedUtc, v.Origin, v.Id == found.PublishedVersionId, v.RestoredFromNumber);
    }

    /// <summary>
    /// Compares two versions: name, URL segment and each property of the document type in its declared order.
    /// Text, Markdown and lists get a word diff; other kinds a before/after. Null when either version is missing.
    /// </summary>
    public async Task<VersionComparison?> CompareAsync(Guid key, int fromNumber, int toNumber, CancellationToken cancellationToken = default)
    {
        var from = await GetAsync(key, fromNumber, cancellationToken);
        var to = await GetAsync(key, toNumber, cancellationToken);
        if (from is null || to is null)
        {
            return null;
        }

        var type = documentTypes.Get(to.ContentType);
        var differences = new List<PropertyDifference>
        {
            TextDifference("name", "Navn", null, from.Name, to.Name),
            PlainDifference("urlSegment", "URL-navn", null, from.UrlSegment, to.UrlSegment),
        };
        foreach (var property in type.Properties)
        {
            var before = from.Values.GetValueOrDefault(property.Alias);
            var after = to.Values.GetValueOrDefault(property.Alias);
            differences.Add(property.Editor switch
            {
                PropertyEditor.Text or PropertyEditor.MultilineText or PropertyEditor.Markdown or PropertyEditor.TextList =>
                    TextDifference(property.Alias, property.Label, property.Editor, AsText(before), AsText(after)),
                _ => PlainDifference(property.Alias, property.Label, property.Editor, AsText(before), AsText(after)),
            });
        }

        return new VersionComparison(key, fromNumber, toNumber, differences);
    }

    private static PropertyDifference TextDifference(string alias, string label, PropertyEditor? editor, string? before, string? after)
    {
        var diff = WordDiff.Compare(before, after);
        return new PropertyDifference(alias, label, editor, !string.Equals(before ?? "", after ?? "", StringComparison.Ordinal), diff, null, null);
    }

    private static PropertyDifference PlainDifference(string alias, string label, PropertyEditor? editor, string? before, string? after) =>
        new(alias, label, editor, !string.Equals(before, after, StringComparison.Ordinal), null, before, after);

    /// <summary>A value as editors would read it: lists one item a line, dates as yyyy-MM-dd, toggles as ja/nej.</summary>
    private static string? AsText(object? value) => value switch
    {
        null => null,
        string s => s,
        IEnumerable<string> list => string.Join("\n", list),
        bool b => b ? "ja" : "nej",
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
