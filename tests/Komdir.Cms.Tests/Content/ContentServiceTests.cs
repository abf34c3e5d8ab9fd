using Komdir.Cms.Audit;
using Komdir.Cms.Content;
using Komdir.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Tests.Content;

public sealed class ContentServiceTests : IAsyncLifetime
{
    private CmsTestHost host = null!;

    public async Task InitializeAsync() => host = await CmsTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Each_save_is_a_new_version_and_older_versions_stay_as_they_were()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Første udgave");
        var afterCreate = (await host.VersionsAsync(root)).Single();

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await host.Content.SaveAsync(root, 1, "Forside", null, TestTypes.Values("Anden udgave"), "redaktoer-b");
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var third = await host.Content.SaveAsync(root, 2, "Forside", null, TestTypes.Values("Tredje udgave", "Med tekst"), "redaktoer-a");

        Assert.Equal(2, second.VersionNumber);
        Assert.Equal(3, third.VersionNumber);
        var versions = await host.VersionsAsync(root);
        Assert.Equal([1, 2, 3], versions.Select(v => v.Number));
        Assert.Equal(afterCreate.ValuesJson, versions[0].ValuesJson);
        Assert.Equal(afterCreate.CreatedUtc, versions[0].CreatedUtc);
        Assert.Equal("Første udgave", TestTypes.ValuesOf(versions[0])["title"]);
        Assert.Equal("Anden udgave", TestTypes.ValuesOf(versions[1])["title"]);
        Assert.Equal("redaktoer-b", versions[1].CreatedBy);
        Assert.Equal("Med tekst", TestTypes.ValuesOf(versions[2])["body"]);
        Assert.Equal(3, (await host.NodeAsync(root)).LatestVersionNumber);
    }

    [Fact]
    public async Task Publishing_and_unpublishing_record_who_and_when()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Forside");

        host.Clock.Advance(TimeSpan.FromHours(1));
        var publishedAt = host.Clock.GetUtcNow();
        Assert.True((await host.Content.PublishAsync(root, "redaktoer-a")).Succeeded);
        var published = await host.NodeAsync(root);
        Assert.NotNull(published.PublishedVersionId);
        Assert.Equal("redaktoer-a", published.PublishedBy);
        Assert.Equal(publishedAt, published.PublishedUtc);

        host.Clock.Advance(TimeSpan.FromHours(1));
        var unpublishedAt = host.Clock.GetUtcNow();
        Assert.True((await host.Content.UnpublishAsync(root, "redaktoer-b")).Succeeded);
        var unpublished = await host.NodeAsync(root);
        Assert.Null(unpublished.PublishedVersionId);
        Assert.Equal("redaktoer-b", unpublished.PublishedBy);
        Assert.Equal(unpublishedAt, unpublished.PublishedUtc);

        await using var db = host.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.NodeKey == root).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.Create, AuditActions.Publish, AuditActions.Unpublish], audit.Select(a => a.Action));
        Assert.Equal(("redaktoer-a", publishedAt), (audit[1].Actor, audit[1].TimestampUtc));
        Assert.Equal(("redaktoer-b", unpublishedAt), (audit[2].Actor, audit[2].TimestampUtc));
        Assert.Null(host.Published.GetByKey(root));
    }

    [Fact]
    public async Task A_newer_draft_does_not_show_until_it_is_published()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Udgivet tekst", publish: true);
        Assert.Equal("Udgivet tekst", host.Published.GetByKey(root)!.Values["title"]);

        await host.Content.SaveAsync(root, 1, "Forside", null, TestTypes.Values("Kladde"), "redaktoer-a");
        await host.Cache.RefreshAsync();
        Assert.Equal("Udgivet tekst", host.Published.GetByKey(root)!.Values["title"]);
        Assert.Equal(1, host.Published.GetByKey(root)!.VersionNumber);

        await host.Content.PublishAsync(root, "redaktoer-a");
        Assert.Equal("Kladde", host.Published.GetByKey(root)!.Values["title"]);
        Assert.Equal(2, host.Published.GetByKey(root)!.VersionNumber);
    }

    [Fact]
    public async Task Unpublishing_a_parent_hides_its_children()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Forside", publish: true);
        var parent = await host.CreateTitledAsync(root, "Afsnit", "Afsnit", publish: true);
        var child = await host.CreateTitledAsync(parent, "Underside", "Underside", publish: true);
        Assert.Equal("/afsnit/underside", host.Published.GetByKey(child)!.Url);

        await host.Content.UnpublishAsync(parent, "redaktoer-a");

        Assert.Null(host.Published.GetByKey(parent));
        Assert.Null(host.Published.GetByKey(child));
        Assert.Null(host.Published.GetByRoute("/afsnit/underside"));
        Assert.NotNull((await host.NodeAsync(child)).PublishedVersionId);
        Assert.Equal("Den overordnede side er ikke udgivet. Udgiv den først.", (await host.Content.PublishAsync(child, "redaktoer-a")).Errors.Single().Message);
    }

    [Fact]
    public async Task Siblings_cannot_share_a_url_segment_but_cousins_can()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Forside");
        var first = await host.CreateTitledAsync(root, "Om os", "Om os");
        var second = await host.CreateTitledAsync(root, "Andet", "Andet");

        var clash = await host.Content.CreateAsync(root, TestTypes.TaggedPage.Alias, "Om os", null, TestTypes.Values("Igen"), "redaktoer-a");
        Assert.False(clash.Succeeded);
        var error = Assert.Single(clash.Errors);
        Assert.Equal("urlSegment", error.Field);
        Assert.Equal("URL-navnet \"om-os\" bruges allerede af en anden side på samme niveau. Vælg et andet.", error.Message);

        var rename = await host.Content.SaveAsync(second, 1, "Andet", "om-os", TestTypes.Values("Andet"), "redaktoer-a");
        Assert.Contains("bruges allerede", Assert.Single(rename.Errors).Message);
        Assert.Single(await host.VersionsAsync(second));

        var cousin = await host.Content.CreateAsync(first, TestTypes.TaggedPage.Alias, "Om os", null, TestTypes.Values("Under om os"), "redaktoer-a");
        Assert.True(cousin.Succeeded);
    }

    [Fact]
    public async Task A_save_based_on_a_stale_version_is_a_conflict_and_writes_nothing()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Start");
        await host.Content.SaveAsync(root, 1, "Forside", null, TestTypes.Values("Kollegas ændring"), "redaktoer-b");
        await using (var before = host.CreateDbContext())
        {
            Assert.Equal(2, await before.ContentVersions.CountAsync());
        }

        var auditBefore = await AuditCountAsync();
        var stale = await host.Content.SaveAsync(root, 1, "Forside", null, TestTypes.Values("Min ændring"), "redaktoer-a");

        Assert.False(stale.Succeeded);
        Assert.NotNull(stale.Conflict);
        Assert.Equal(2, stale.Conflict.LatestVersionNumber);
        Assert.Equal("redaktoer-b", stale.Conflict.LatestAuthor);
        Assert.Equal("Kollegas ændring", stale.Conflict.LatestValues["title"]);
        Assert.Contains("nyere version", stale.Errors.Single().Message);
        var versions = await host.VersionsAsync(root);
        Assert.Equal(2, versions.Count);
        Assert.DoesNotContain(versions, v => (string?)TestTypes.ValuesOf(v).GetValueOrDefault("title") == "Min ændring");
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task Rollback_restores_an_old_version_as_a_new_draft_and_publishes_nothing()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Original", publish: true);
        await host.Content.SaveAsync(root, 1, "Forside", null, TestTypes.Values("Fejlagtig ændring"), "redaktoer-b");
        await host.Content.PublishAsync(root, "redaktoer-b");

        var rolledBack = await host.Content.RollbackAsync(root, 1, "redaktoer-a");

        Assert.True(rolledBack.Succeeded);
        Assert.Equal(3, rolledBack.VersionNumber);
        var versions = await host.VersionsAsync(root);
        Assert.Equal(3, versions.Count);
        Assert.Equal(versions[0].ValuesJson, versions[2].ValuesJson);
        Assert.Equal(VersionOrigin.Rollback, versions[2].Origin);
        Assert.Equal(1, versions[2].RestoredFromNumber);
        Assert.Equal("Fejlagtig ændring", TestTypes.ValuesOf(versions[1])["title"]);

        // The draft waits: the public page keeps version 2 until someone presses "Udgiv".
        Assert.Equal("Fejlagtig ændring", host.Published.GetByKey(root)!.Values["title"]);
        Assert.Equal(2, host.Published.GetByKey(root)!.VersionNumber);
        Assert.Equal(3, (await host.NodeAsync(root)).LatestVersionNumber);

        Assert.True((await host.Content.PublishAsync(root, "redaktoer-a")).Succeeded);
        Assert.Equal("Original", host.Published.GetByKey(root)!.Values["title"]);
        Assert.Equal(3, host.Published.GetByKey(root)!.VersionNumber);
    }

    [Fact]
    public async Task Trashing_hides_a_subtree_and_restoring_brings_it_back_unpublished()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Forside", publish: true);
        var page = await host.CreateTitledAsync(root, "Side", "Side", publish: true);
        var child = await host.CreateTitledAsync(page, "Underside", "Underside", publish: true);

        Assert.True((await host.Content.TrashAsync(page, "redaktoer-a")).Succeeded);
        Assert.NotNull((await host.NodeAsync(page)).TrashedUtc);
        Assert.Null(host.Published.GetByRoute("/side"));
        Assert.Null(host.Published.GetByKey(child));

        // A new page may take the free segment while the old one is in the bin; restoring then has to say no.
        var taker = await host.CreateTitledAsync(root, "Side", "Ny side");
        var blocked = await host.Content.RestoreAsync(page, "redaktoer-a");
        Assert.Contains("Omdøb den anden side først", Assert.Single(blocked.Errors).Message);
        Assert.True((await host.Content.TrashAsync(taker, "redaktoer-a")).Succeeded);

        Assert.True((await host.Content.RestoreAsync(page, "redaktoer-a")).Succeeded);
        Assert.Null((await host.NodeAsync(page)).TrashedUtc);

        // Back in the tree as drafts, the subtree too: nothing is public again until an editor publishes it.
        Assert.Null((await host.NodeAsync(page)).PublishedVersionId);
        Assert.Null((await host.NodeAsync(child)).PublishedVersionId);
        Assert.Null(host.Published.GetByRoute("/side"));
        Assert.Null(host.Published.GetByKey(child));
        Assert.NotNull(host.Published.GetByKey(root));

        Assert.True((await host.Content.PublishAsync(page, "redaktoer-a")).Succeeded);
        Assert.Equal(page, host.Published.GetByRoute("/side")!.Key);
        Assert.Null(host.Published.GetByKey(child));
        Assert.True((await host.Content.PublishAsync(child, "redaktoer-a")).Succeeded);
        Assert.Equal("/side/underside", host.Published.GetByKey(child)!.Url);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = host.CreateDbContext();
        return await db.AuditEntries.CountAsync();
    }
}
