using Komdir.Cms.Tests.Infrastructure;

namespace Komdir.Cms.Tests.Published;

/// <summary>The published cache is rebuilt before the write returns, so the page an editor just published is live at once.</summary>
public sealed class PublishIsLiveTests
{
    private const string Editor = "editor@test";

    [Fact]
    public async Task Publish_is_visible_in_the_current_snapshot_when_it_returns()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Nyhed");
        Assert.Null(host.Cache.Current.GetByRoute("/nyhed"));

        await host.Content.PublishAsync(page, Editor);

        Assert.Equal(page, host.Cache.Current.GetByRoute("/nyhed")?.Key);
    }

    [Fact]
    public async Task Unpublish_is_gone_from_the_current_snapshot_when_it_returns()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Nyhed");

        await host.Content.UnpublishAsync(page, Editor);

        Assert.Null(host.Cache.Current.GetByKey(page));
    }

    [Fact]
    public async Task Rollback_leaves_the_live_page_alone_until_the_restored_draft_is_published()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Første navn");
        await host.Content.SaveAsync(page, 1, "Andet navn", "foerste-navn", new Dictionary<string, object?> { ["title"] = "x" }, Editor);
        await host.Content.PublishAsync(page, Editor);
        Assert.Equal("Andet navn", host.Cache.Current.GetByKey(page)!.Name);

        var result = await host.Content.RollbackAsync(page, 1, Editor);

        Assert.True(result.Succeeded);
        var stillLive = host.Cache.Current.GetByKey(page)!;
        Assert.Equal(("Andet navn", 2), (stillLive.Name, stillLive.VersionNumber));

        Assert.True((await host.Content.PublishAsync(page, Editor)).Succeeded);
        var live = host.Cache.Current.GetByKey(page)!;
        Assert.Equal(("Første navn", 3), (live.Name, live.VersionNumber));
    }
}
