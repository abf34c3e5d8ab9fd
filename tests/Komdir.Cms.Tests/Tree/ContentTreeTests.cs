using Komdir.Cms.Content;
using Komdir.Cms.Scheduling;
using Komdir.Cms.Tests.Infrastructure;
using Komdir.Cms.Tree;

namespace Komdir.Cms.Tests.Tree;

public sealed class ContentTreeTests
{
    private const string Editor = "editor@test";

    [Fact]
    public async Task The_tree_gives_each_node_its_state_latest_name_and_type_in_tree_order()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var published = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Udgivet");
        var draft = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Kladde");
        await host.Content.SaveAsync(draft, 1, "Kladde med ændring", null, new Dictionary<string, object?> { ["title"] = "x" }, Editor);
        var never = await host.CreateAsync(site, TestTypes.Page.Alias, "Aldrig udgivet");
        var withdrawn = await host.CreatePublishedAsync(published, TestTypes.Page.Alias, "Trukket tilbage");
        await host.Content.UnpublishAsync(withdrawn, Editor);

        var tree = await host.Get<ContentTreeService>().GetTreeAsync();

        Assert.Equal([site, published, withdrawn, draft, never], tree.Select(n => n.Key));
        var byKey = tree.ToDictionary(n => n.Key);
        Assert.Equal(ContentState.Published, byKey[site].State);
        Assert.Equal(ContentState.Published, byKey[published].State);
        Assert.Equal((ContentState.Draft, "Kladde med ændring", 2, (int?)1), (byKey[draft].State, byKey[draft].Name, byKey[draft].LatestVersionNumber, byKey[draft].PublishedVersionNumber));
        Assert.Equal(ContentState.Unpublished, byKey[never].State);
        Assert.Equal(ContentState.Unpublished, byKey[withdrawn].State);
        Assert.Equal((published, "testPage", "Side"), (byKey[withdrawn].ParentKey!.Value, byKey[withdrawn].ContentTypeAlias, byKey[withdrawn].ContentTypeName));
        Assert.Null(byKey[site].ParentKey);
    }

    [Fact]
    public async Task The_tree_shows_the_next_pending_schedule()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Nyhed");
        var schedules = host.Get<ScheduleService>();
        var soon = host.Clock.GetUtcNow().AddDays(1);
        await schedules.ScheduleUnpublishAsync(page, soon.AddDays(5), Editor);
        await schedules.SchedulePublishAsync(page, soon, Editor);

        var tree = await host.Get<ContentTreeService>().GetTreeAsync();

        var node = tree.Single(n => n.Key == page);
        Assert.True(node.HasPendingSchedule);
        Assert.Equal((soon, ScheduledAction.Publish), (node.NextScheduledUtc!.Value, node.NextScheduledAction!.Value));
        Assert.False(tree.Single(n => n.Key == site).HasPendingSchedule);
    }

    [Fact]
    public async Task Trashed_nodes_and_their_subtrees_are_in_the_recycle_bin_not_the_tree()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Gammel");
        var child = await host.CreateAsync(page, TestTypes.Page.Alias, "Barn");
        await host.Content.TrashAsync(page, Editor);

        var treeService = host.Get<ContentTreeService>();
        var tree = await treeService.GetTreeAsync();
        var bin = await treeService.GetRecycleBinAsync();

        Assert.Equal([site], tree.Select(n => n.Key));
        Assert.Equal([page, child], bin.Select(n => n.Key));
        Assert.NotNull(bin[0].TrashedUtc);
    }

    [Fact]
    public async Task The_editor_gets_the_latest_version_with_typed_values_and_the_published_url()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Om os");
        await host.Content.SaveAsync(page, 1, "Om foreningen", "om-foreningen", new Dictionary<string, object?> { ["title"] = "Ny", ["year"] = 2026 }, "other@test");

        var editable = await host.Get<ContentTreeService>().GetNodeForEditingAsync(page);

        Assert.NotNull(editable);
        Assert.Equal((2, "Om foreningen", "om-foreningen", (int?)1, ContentState.Draft), (editable.LatestVersionNumber, editable.Name, editable.UrlSegment, editable.PublishedVersionNumber, editable.State));
        Assert.Equal(2026, editable.Values["year"]);
        Assert.Equal("/om-os", editable.PublishedUrl);
        Assert.Equal((site, "testPage", "other@test"), (editable.ParentKey!.Value, editable.ContentType.Alias, editable.UpdatedBy));
        Assert.Null(await host.Get<ContentTreeService>().GetNodeForEditingAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_never_published_node_has_no_url()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Kladde");

        var editable = await host.Get<ContentTreeService>().GetNodeForEditingAsync(page);

        Assert.Equal((ContentState.Unpublished, (string?)null, (int?)null), (editable!.State, editable.PublishedUrl, editable.PublishedVersionNumber));
    }

    [Fact]
    public async Task A_node_below_a_trashed_node_opens_as_in_the_recycle_bin_without_a_url()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Side");
        var child = await host.CreatePublishedAsync(page, TestTypes.Page.Alias, "Barn");
        await host.Content.TrashAsync(page, Editor);

        var editable = await host.Get<ContentTreeService>().GetNodeForEditingAsync(child);

        Assert.True(editable!.IsInRecycleBin);
        Assert.Null(editable.PublishedUrl);
    }
}
