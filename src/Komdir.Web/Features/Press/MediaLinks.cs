using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Web.Features.Press;

/// <summary>Download links for media items, as the engine serves them: /media/{key}/{fileName}.</summary>
public sealed class MediaLinks(IDbContextFactory<CmsDbContext> dbFactory)
{
    /// <summary>The item's download path and name, or null when the media item does not exist (any more).</summary>
    public async Task<MediaLink?> FindAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.MediaItems.AsNoTracking()
            .Where(m => m.Key == key)
            .Select(m => new { m.Name, m.FileName, m.Size })
            .SingleOrDefaultAsync(cancellationToken);
        return item is null ? null : new MediaLink($"/media/{key}/{Uri.EscapeDataString(item.FileName)}", item.Name, item.Size);
    }
}

public sealed record MediaLink(string Url, string Name, long Size);
