using System.Security.Cryptography;
using Komdir.Cms.Audit;
using Komdir.Cms.Authorization;
using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Komdir.Cms.Media;

/// <summary>A media item without its bytes, for lists and pickers.</summary>
public sealed record MediaSummary(
    Guid Key,
    string Name,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    string UpdatedBy)
{
    public MediaKind Kind => ContentType == "application/pdf" ? MediaKind.Pdf : MediaKind.Image;

    public string Url => MediaUrls.MediaUrl(Key, FileName, Sha256);
}

/// <summary>A media item with its bytes, for serving.</summary>
public sealed record MediaFile(Guid Key, string FileName, string ContentType, string Sha256, byte[] Bytes);

/// <summary>A node that points at a media item from a media property.</summary>
/// <param name="InLatest">The node's newest version uses it.</param>
/// <param name="InPublished">The version readers see uses it.</param>
public sealed record MediaUsage(Guid NodeKey, string NodeName, string ContentTypeAlias, IReadOnlyList<string> PropertyLabels, bool InLatest, bool InPublished, bool IsTrashed);

/// <summary>The outcome of an upload, replacement or deletion; nothing is written unless it succeeded.</summary>
public sealed record MediaResult(MediaSummary? Item, string? Error)
{
    public bool Succeeded => Error is null && Authorization == AuthorizationStatus.Allowed;

    /// <summary>Not <see cref="AuthorizationStatus.Allowed"/> when the actor may not (any longer) do this; the site says why.</summary>
    public AuthorizationStatus Authorization { get; init; }

    /// <summary>The operation that was refused (replacing a used file needs more than replacing an unused one).</summary>
    public CmsOperation? RefusedOperation { get; init; }

    public static MediaResult Refused(AuthorizationStatus status, CmsOperation operation) => new(null, null) { Authorization = status, RefusedOperation = operation };

    public static MediaResult Ok(MediaSummary? item) => new(item, null);

    public static MediaResult Fail(string error) => new(null, error);
}

/// <summary>
/// The media library: PDFs and pictures, recognised by their content, size-limited, stored in the database with a
/// SHA-256 so every web node serves the same bytes and browsers can cache them safely.
/// </summary>
public sealed class MediaService(
    IDbContextFactory<CmsDbContext> dbFactory,
    DocumentTypeCollection documentTypes,
    ContentChangeNotifier notifier,
    IOptions<CmsOptions> options,
    TimeProvider clock,
    IOperationAuthorizer authorizer)
{
    private const int MaxNameLength = 200;

    public async Task<MediaResult> UploadAsync(string? name, string fileName, Stream content, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.MediaUpload, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return MediaResult.Refused(refused, CmsOperation.MediaUpload);
        }

        var (file, error) = await ReadAsync(fileName, content, cancellationToken);
        if (file is null)
        {
            return MediaResult.Fail(error!);
        }

        var now = clock.GetUtcNow();
        var item = new MediaItem
        {
            Key = Guid.NewGuid(),
            Name = DisplayName(name, fileName),
            FileName = file.StoredFileName,
            ContentType = file.Type.ContentType,
            Size = file.Bytes.LongLength,
            Sha256 = file.Sha256,
            Bytes = file.Bytes,
            CreatedUtc = now,
            UpdatedUtc = now,
            UpdatedBy = actor,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.MediaItems.Add(item);
        db.AuditEntries.Add(Audit(actor, $"uploadet {item.Key} \"{item.Name}\" ({item.ContentType}, {item.Size} bytes)", now));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Media, [item.Key], AffectsPublished: false), cancellationToken);
        return MediaResult.Ok(Summarize(item));
    }

    /// <summary>Puts new bytes behind an existing key, so every link keeps working. A PDF must stay a PDF, a picture a picture.</summary>
    public async Task<MediaResult> ReplaceAsync(Guid key, string? name, string fileName, Stream content, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.MediaReplace, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return MediaResult.Refused(refused, CmsOperation.MediaReplace);
        }

        // Readers see new bytes behind a published page's link at once, so that needs the right to publish.
        if ((await FindUsagesAsync(key, cancellationToken)).Any(u => u.InPublished && !u.IsTrashed)
            && await authorizer.AuthorizeAsync(actor, CmsOperation.MediaReplacePublished, cancellationToken) is not AuthorizationStatus.Allowed and var refusedPublished)
        {
            return MediaResult.Refused(refusedPublished, CmsOperation.MediaReplacePublished);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.MediaItems.SingleOrDefaultAsync(m => m.Key == key, cancellationToken);
        if (item is null)
        {
            return MediaResult.Fail("Filen findes ikke (længere).");
        }

        var (file, error) = await ReadAsync(fileName, content, cancellationToken);
        if (file is null)
        {
            return MediaResult.Fail(error!);
        }

        var currentKind = item.ContentType == "application/pdf" ? MediaKind.Pdf : MediaKind.Image;
        if (file.Type.Kind != currentKind)
        {
            return MediaResult.Fail(currentKind == MediaKind.Pdf
                ? "En PDF kan kun erstattes af en anden PDF. Upload billedet som en ny fil i stedet."
                : "Et billede kan kun erstattes af et andet billede. Upload PDF'en som en ny fil i stedet.");
        }

        var now = clock.GetUtcNow();
        item.Name = string.IsNullOrWhiteSpace(name) ? item.Name : DisplayName(name, fileName);
        item.FileName = file.StoredFileName;
        item.ContentType = file.Type.ContentType;
        item.Size = file.Bytes.LongLength;
        item.Sha256 = file.Sha256;
        item.Bytes = file.Bytes;
        item.UpdatedUtc = now;
        item.UpdatedBy = actor;
        db.AuditEntries.Add(Audit(actor, $"erstattet {item.Key} \"{item.Name}\" ({item.ContentType}, {item.Size} bytes)", now));
        await db.SaveChangesAsync(cancellationToken);

        // Pages carry the hash in their media links, so what readers see changes with the bytes.
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Media, [key], AffectsPublished: true), cancellationToken);
        return MediaResult.Ok(Summarize(item));
    }

    /// <summary>Renames an item without touching its file.</summary>
    public async Task<MediaResult> RenameAsync(Guid key, string name, string actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return MediaResult.Fail("Skriv et navn til filen.");
        }

        if (await authorizer.AuthorizeAsync(actor, CmsOperation.MediaRename, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return MediaResult.Refused(refused, CmsOperation.MediaRename);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.MediaItems.SingleOrDefaultAsync(m => m.Key == key, cancellationToken);
        if (item is null)
        {
            return MediaResult.Fail("Filen findes ikke (længere).");
        }

        var now = clock.GetUtcNow();
        item.Name = DisplayName(name, item.FileName);
        item.UpdatedUtc = now;
        item.UpdatedBy = actor;
        db.AuditEntries.Add(Audit(actor, $"omdøbt {item.Key} til \"{item.Name}\"", now));
        await db.SaveChangesAsync(cancellationToken);
        return MediaResult.Ok(Summarize(item));
    }

    /// <summary>Every item, newest change first, without bytes.</summary>
    public async Task<IReadOnlyList<MediaSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.MediaItems.AsNoTracking()
            .OrderByDescending(m => m.UpdatedUtc).ThenBy(m => m.Id)
            .Select(m => new MediaSummary(m.Key, m.Name, m.FileName, m.ContentType, m.Size, m.Sha256, m.CreatedUtc, m.UpdatedUtc, m.UpdatedBy))
            .ToListAsync(cancellationToken);
        return items;
    }

    public async Task<MediaSummary?> GetAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MediaItems.AsNoTracking()
            .Where(m => m.Key == key)
            .Select(m => new MediaSummary(m.Key, m.Name, m.FileName, m.ContentType, m.Size, m.Sha256, m.CreatedUtc, m.UpdatedUtc, m.UpdatedBy))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The item with its bytes, for the media endpoint.</summary>
    public async Task<MediaFile?> GetFileAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MediaItems.AsNoTracking()
            .Where(m => m.Key == key)
            .Select(m => new MediaFile(m.Key, m.FileName, m.ContentType, m.Sha256, m.Bytes))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Deletes an item that no page uses (in its newest or its published version, in the recycle bin or not).</summary>
    public async Task<MediaResult> DeleteAsync(Guid key, string actor, CancellationToken cancellationToken = default)
    {
        if (await authorizer.AuthorizeAsync(actor, CmsOperation.MediaDelete, cancellationToken) is not AuthorizationStatus.Allowed and var refused)
        {
            return MediaResult.Refused(refused, CmsOperation.MediaDelete);
        }

        var usages = await FindUsagesAsync(key, cancellationToken);
        if (usages.Count > 0)
        {
            var names = string.Join(", ", usages.Take(5).Select(u => $"\"{u.NodeName}\""));
            return MediaResult.Fail($"Filen bruges af {usages.Count} {(usages.Count == 1 ? "side" : "sider")} ({names}{(usages.Count > 5 ? " …" : "")}). Fjern den fra siderne, før du sletter den.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.MediaItems.AsNoTracking().Where(m => m.Key == key).Select(m => new { m.Name }).SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return MediaResult.Fail("Filen findes ikke (længere).");
        }

        var now = clock.GetUtcNow();
        await db.MediaItems.Where(m => m.Key == key).ExecuteDeleteAsync(cancellationToken);
        db.AuditEntries.Add(Audit(actor, $"slettet {key} \"{item.Name}\"", now));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(new ContentChange(ContentChangeKind.Media, [key], AffectsPublished: false), cancellationToken);
        return MediaResult.Ok(null);
    }

    /// <summary>
    /// The nodes whose newest or published version refers to the item from a media property. Versions are few and small,
    /// so candidate versions are found by the key's text and then checked property by property.
    /// </summary>
    public async Task<IReadOnlyList<MediaUsage>> FindUsagesAsync(Guid mediaKey, CancellationToken cancellationToken = default)
    {
        var needle = mediaKey.ToString("D");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await (from node in db.ContentNodes.AsNoTracking()
                                join version in db.ContentVersions.AsNoTracking() on node.Id equals version.NodeId
                                where (version.Number == node.LatestVersionNumber || version.Id == node.PublishedVersionId)
                                      && version.ValuesJson.Contains(needle)
                                select new
                                {
                                    node.Key,
                                    node.ContentType,
                                    node.TrashedUtc,
                                    IsLatest = version.Number == node.LatestVersionNumber,
                                    IsPublished = version.Id == node.PublishedVersionId,
                                    version.Name,
                                    version.ValuesJson,
                                }).ToListAsync(cancellationToken);

        var usages = new List<MediaUsage>();
        foreach (var group in candidates.GroupBy(c => c.Key))
        {
            var type = documentTypes.Find(group.First().ContentType);
            if (type is null)
            {
                continue;
            }

            var labels = new List<string>();
            bool inLatest = false, inPublished = false;
            foreach (var version in group)
            {
                var values = ContentValues.Deserialize(version.ValuesJson, type);
                var matching = type.Properties
                    .Where(p => p.Editor == PropertyEditor.Media && values.GetValueOrDefault(p.Alias) is Guid g && g == mediaKey)
                    .Select(p => p.Label)
                    .ToList();
                if (matching.Count == 0)
                {
                    continue;
                }

                labels.AddRange(matching.Where(l => !labels.Contains(l)));
                inLatest |= version.IsLatest;
                inPublished |= version.IsPublished;
            }

            if (labels.Count > 0)
            {
                var shown = group.FirstOrDefault(v => v.IsLatest) ?? group.First();
                usages.Add(new MediaUsage(group.Key, shown.Name, shown.ContentType, labels, inLatest, inPublished, shown.TrashedUtc is not null));
            }
        }

        return usages.OrderBy(u => u.NodeName, StringComparer.Create(new System.Globalization.CultureInfo("da-DK"), true)).ToList();
    }

    private sealed record ReadFile(MediaFileType Type, byte[] Bytes, string Sha256, string StoredFileName);

    /// <summary>Reads at most the size limit (plus one byte to notice more), then checks what the bytes are.</summary>
    private async Task<(ReadFile? File, string? Error)> ReadAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.Media.MaxBytes;
        var tooLarge = $"Filen er for stor. Den største tilladte størrelse er {FormatSize(maxBytes)}.";
        if (content.CanSeek && content.Length - content.Position > maxBytes)
        {
            return (null, tooLarge);
        }

        // The first bytes decide the type, so a refused file is not read any further.
        var header = new byte[MediaTypeDetector.HeaderLength];
        var headerLength = 0;
        int read;
        while (headerLength < header.Length && (read = await content.ReadAsync(header.AsMemory(headerLength), cancellationToken)) > 0)
        {
            headerLength += read;
        }

        if (headerLength == 0)
        {
            return (null, "Filen er tom.");
        }

        var type = MediaTypeDetector.Detect(header.AsSpan(0, headerLength));
        if (type is null)
        {
            return (null, "Filtypen er ikke tilladt. Du kan uploade PDF-dokumenter og billeder i formaterne PNG, JPEG, GIF og WebP. Filen blev genkendt ud fra indholdet, ikke navnet.");
        }

        using var buffer = new MemoryStream();
        buffer.Write(header, 0, headerLength);
        var chunk = new byte[81920];
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, tooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length > maxBytes)
        {
            return (null, tooLarge);
        }

        var bytes = buffer.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return (new ReadFile(type, bytes, sha, StoredFileName(fileName, type)), null);
    }

    /// <summary>An ASCII slug of the uploaded name with the extension of the detected type, e.g. "årsberetning-2024.PDF" → "aarsberetning-2024.pdf".</summary>
    internal static string StoredFileName(string fileName, MediaFileType type)
    {
        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        var slug = string.IsNullOrWhiteSpace(baseName) ? "fil" : UrlSegments.FromName(baseName);
        if (slug.Length > 100)
        {
            slug = slug[..100].TrimEnd('-');
        }

        return slug + type.Extension;
    }

    internal static string DisplayName(string? name, string fileName)
    {
        var chosen = WithoutControls(string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/'))) : name).Trim();
        if (string.IsNullOrWhiteSpace(chosen))
        {
            chosen = "Fil uden navn";
        }

        return chosen.Length > MaxNameLength ? chosen[..MaxNameLength] : chosen;
    }

    /// <summary>
    /// Drops bidirectional controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C) and other control characters, with
    /// which "\u202Efdp.exe" shows as "exe.pdf" in lists and downloads.
    /// </summary>
    internal static string WithoutControls(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C')
            {
                continue;
            }

            kept.Append(c);
        }

        return kept.ToString();
    }

    private static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("da-DK")) + " MB"
            : $"{Math.Max(1, bytes / 1024)} KB";

    private static MediaSummary Summarize(MediaItem m) => new(m.Key, m.Name, m.FileName, m.ContentType, m.Size, m.Sha256, m.CreatedUtc, m.UpdatedUtc, m.UpdatedBy);

    private static AuditEntry Audit(string actor, string details, DateTimeOffset now) =>
        new() { Actor = actor, Action = AuditActions.Media, NodeKey = null, Details = details, TimestampUtc = now };
}
