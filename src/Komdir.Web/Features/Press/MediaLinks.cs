using System.Collections.Concurrent;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Komdir.Web.Features.Press;

/// <summary>Download links for media items, as the engine serves them: /media/{key}/{fileName}, with what a reader needs to know before downloading.</summary>
public sealed class MediaLinks(IDbContextFactory<CmsDbContext> dbFactory, ILogger<MediaLinks> logger)
{
    // A file's number of pages never changes for the same bytes: counted once per SHA-256, not per request.
    private readonly ConcurrentDictionary<string, int?> pageCounts = new(StringComparer.Ordinal);

    /// <summary>The item's download path, name, type, size and (for a PDF) pages, or null when the media item does not exist (any more).</summary>
    public async Task<MediaLink?> FindAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.MediaItems.AsNoTracking()
            .Where(m => m.Key == key)
            .Select(m => new { m.Name, m.FileName, m.Size, m.ContentType, m.Sha256 })
            .SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return null;
        }

        int? pages = null;
        if (IsPdf(item.ContentType, item.FileName))
        {
            if (!pageCounts.TryGetValue(item.Sha256, out pages))
            {
                var bytes = await db.MediaItems.AsNoTracking().Where(m => m.Key == key).Select(m => m.Bytes).SingleAsync(cancellationToken);
                pages = CountPdfPages(bytes);
                pageCounts[item.Sha256] = pages;
            }
        }

        return new MediaLink($"/media/{key}/{Uri.EscapeDataString(item.FileName)}", item.Name, item.Size, FileTypeLabel(item.ContentType, item.FileName), pages);
    }

    /// <summary>The number of pages, or null when the file cannot be read as a PDF (then the block leaves it out).</summary>
    private int? CountPdfPages(byte[] bytes)
    {
        try
        {
            using var document = PdfDocument.Open(bytes);
            return document.NumberOfPages;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogWarning("A published PDF could not be read for its page count: {Error}", exception.GetType().Name);
            return null;
        }
    }

    private static bool IsPdf(string contentType, string fileName) =>
        contentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>"PDF", "DOCX" …: what a reader recognises, from the content type or else the file's extension.</summary>
    public static string FileTypeLabel(string contentType, string fileName)
    {
        if (IsPdf(contentType, fileName))
        {
            return "PDF";
        }

        var extension = Path.GetExtension(fileName).TrimStart('.');
        return extension.Length > 0 ? extension.ToUpperInvariant() : "Fil";
    }

    /// <summary>"512 KB", "2,4 MB" in Danish notation.</summary>
    public static string SizeLabel(long bytes)
    {
        var danish = System.Globalization.CultureInfo.GetCultureInfo("da-DK");
        return bytes switch
        {
            < 1024 => $"{bytes} bytes",
            < 1024 * 1024 => string.Format(danish, "{0:0} KB", Math.Max(1, Math.Round(bytes / 1024.0))),
            _ => string.Format(danish, "{0:0.0} MB", bytes / (1024.0 * 1024.0)),
        };
    }
}

/// <summary>A downloadable file; <paramref name="Pages"/> is null when not known (not a PDF, or unreadable).</summary>
public sealed record MediaLink(string Url, string Name, long Size, string FileType = "Fil", int? Pages = null);
