using Komdir.Cms.Preview;
using Komdir.Cms.Tests.Infrastructure;

namespace Komdir.Cms.Tests.Preview;

public sealed class PreviewTests
{
    private const string Editor = "editor@test";

    [Fact]
    public async Task A_draft_of_a_published_page_shows_its_latest_version_in_the_published_tree()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Om os");
        var child = await host.CreatePublishedAsync(page, TestTypes.Page.Alias, "Bestyrelsen");
        await host.CreateAsync(page, TestTypes.Page.Alias, "Ikke udgivet barn");
        await host.Content.SaveAsync(page, 1, "Om foreningen", "om-os", new Dictionary<string, object?> { ["title"] = "Kladdetitel" }, Editor);

        var preview = await host.Get<PreviewService>().BuildPreviewAsync(page);

        Assert.NotNull(preview);
        Assert.Equal(("Om foreningen", 2, "Kladdetitel"), (preview.Content.Name, preview.Content.VersionNumber, (string?)preview.Content.Values["title"]));
        Assert.Equal("/om-os", preview.Content.Url);
        Assert.Equal(site, preview.Content.Parent?.Key);
        Assert.Equal([child], preview.Content.Children.Select(c => c.Key));

        // Readers still see version 1.
        Assert.Equal("Om os", host.Cache.Current.GetByKey(page)!.Name);
    }

    [Fact]
    public async Task A_never_published_page_under_an_unpublished_parent_previews_with_both_drafts()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var section = await host.CreateAsync(site, TestTypes.Page.Alias, "Ny sektion");
        var page = await host.CreateAsync(section, TestTypes.Page.Alias, "Ny side");

        var preview = await host.Get<PreviewService>().BuildPreviewAsync(page);

        Assert.NotNull(preview);
        Assert.Equal("/ny-sektion/ny-side", preview.Content.Url);
        Assert.Equal(section, preview.Content.Parent?.Key);
        Assert.NotNull(preview.Snapshot.GetByKey(site));
        Assert.Null(host.Cache.Current.GetByKey(page));
    }

    [Fact]
    public async Task Nodes_in_the_recycle_bin_and_unknown_keys_have_no_preview()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Side");
        var child = await host.CreateAsync(page, TestTypes.Page.Alias, "Barn");
        await host.Content.TrashAsync(page, Editor);

        var previews = host.Get<PreviewService>();

        Assert.Null(await previews.BuildPreviewAsync(page));
        Assert.Null(await previews.BuildPreviewAsync(child));
        Assert.Null(await previews.BuildPreviewAsync(Guid.NewGuid()));
    }
}
