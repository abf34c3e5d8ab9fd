using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Infrastructure;

/// <summary>Content edits tests make on a running site, through the engine or behind its back.</summary>
public static class TestContent
{
    /// <summary>"Samarbejde med civilsamfundet", a focus area of the 2025-2027 strategy (content/site/strategi/2025-2027/civilsamfund).</summary>
    public static readonly Guid FocusAreaKey = Guid.Parse("d7730d43-12a0-46a0-b394-70fdac63fa7a");

    public const string FocusAreaPath = "/strategi/2025-2027/civilsamfund";

    public const string FocusAreaParentPath = "/strategi/2025-2027";

    public const string FocusAreaName = "Samarbejde med civilsamfundet";

    /// <summary>Renames a page (keeping its URL) and publishes it, as an editor would.</summary>
    public static async Task RenameAndPublishAsync(IServiceProvider services, Guid key, string newName, string actor = "test@komdir.invalid")
    {
        await SaveRenamedDraftAsync(services, key, newName, actor);
        var published = await services.GetRequiredService<ContentService>().PublishAsync(key, actor);
        Assert.True(published.Succeeded, string.Join(" | ", published.Errors.Select(e => e.Message)));
    }

    /// <summary>Saves a renamed version of a page (keeping its URL) without publishing it; returns the new version's number.</summary>
    public static async Task<int> SaveRenamedDraftAsync(IServiceProvider services, Guid key, string newName, string actor = "test@komdir.invalid")
    {
        var content = services.GetRequiredService<ContentService>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<CmsDbContext>>();
        var types = services.GetRequiredService<DocumentTypeCollection>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var node = await db.ContentNodes.AsNoTracking().SingleAsync(n => n.Key == key);
        var latest = await db.ContentVersions.AsNoTracking().SingleAsync(v => v.NodeId == node.Id && v.Number == node.LatestVersionNumber);
        var values = ContentValues.Deserialize(latest.ValuesJson, types.Get(node.ContentType));

        var saved = await content.SaveAsync(key, latest.Number, newName, latest.UrlSegment, values, actor);
        Assert.True(saved.Succeeded, string.Join(" | ", saved.Errors.Select(e => e.Message)));
        return saved.VersionNumber!.Value;
    }

    /// <summary>
    /// Renames the published version directly in the database, telling no one: no change handler runs, so no cache
    /// is evicted. Lets a test tell a cached response from a fresh one.
    /// </summary>
    public static async Task RenameBehindTheCachesBackAsync(IServiceProvider services, Guid key, string newName)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<CmsDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var node = await db.ContentNodes.AsNoTracking().SingleAsync(n => n.Key == key);
        var version = await db.ContentVersions.SingleAsync(v => v.Id == node.PublishedVersionId);
        version.Name = newName;
        await db.SaveChangesAsync();
    }
}
