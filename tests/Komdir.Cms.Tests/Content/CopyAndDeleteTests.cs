using Komdir.Cms.Audit;
using Komdir.Cms.Content;
using Komdir.Cms.Scheduling;
using Komdir.Cms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Tests.Content;

public sealed class CopyAndDeleteTests
{
    private const string Editor = "editor@test";

    [Fact]
    public async Task Copy_with_descendants_creates_new_unpublished_nodes_from_the_latest_versions()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var section = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Strategi");
        var child = await host.CreatePublishedAsync(section, TestTypes.Page.Alias, "Fokusområde");
        await host.Content.SaveAsync(child, 1, "Fokusområde ændret", null, new Dictionary<string, object?> { ["title"] = "Ny titel" }, Editor);

        var result = await host.Content.CopyAsync(section, site, includeDescendants: true, Editor);

        Assert.True(result.Succeeded);
        Assert.NotEqual(section, result.Key);
        await using var db = await host.CreateDbContextAsync();
        var copy = await db.ContentNodes.Include(n => n.Versions).SingleAsync(n => n.Key == result.Key);
        Assert.Null(copy.PublishedVersionId);
        var copyVersion = Assert.Single(copy.Versions);
        Assert.Equal((1, VersionOrigin.Copy, "strategi-kopi"), (copyVersion.Number, copyVersion.Origin, copyVersion.UrlSegment));

        var copiedChild = await db.ContentNodes.Include(n => n.Versions).SingleAsync(n => n.ParentId == copy.Id);
        Assert.NotEqual(child, copiedChild.Key);
        var childVersion = Assert.Single(copiedChild.Versions);
        Assert.Equal("Fokusområde ændret", childVersion.Name);
        Assert.Contains("Ny titel", childVersion.ValuesJson);
        Assert.Equal(VersionOrigin.Copy, childVersion.Origin);
        Assert.Null(copiedChild.PublishedVersionId);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Copy));
    }

    [Fact]
    public async Task Copies_to_the_same_parent_get_kopi_then_numbered_segments()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Om os");

        var first = await host.Content.CopyAsync(page, site, includeDescendants: false, Editor);
        var second = await host.Content.CopyAsync(page, site, includeDescendants: false, Editor);

        await using var db = await host.CreateDbContextAsync();
        var segments = await db.ContentVersions.Where(v => v.Node!.Key == first.Key || v.Node!.Key == second.Key).OrderBy(v => v.Id).Select(v => v.UrlSegment).ToListAsync();
        Assert.Equal(["om-os-kopi", "om-os-kopi-2"], segments);
    }

    [Fact]
    public async Task Copy_without_descendants_copies_only_the_node_and_keeps_the_segment_under_another_parent()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");
        var a = await host.CreateAsync(site, TestTypes.Page.Alias, "A");
        var b = await host.CreateAsync(site, TestTypes.Page.Alias, "B");
        await host.CreateAsync(a, TestTypes.Page.Alias, "Barn");

        var result = await host.Content.CopyAsync(a, b, includeDescendants: false, Editor);

        await using var db = await host.CreateDbContextAsync();
        var copy = await db.ContentNodes.Include(n => n.Versions).SingleAsync(n => n.Key == result.Key);
        Assert.Equal("a", copy.Versions.Single().UrlSegment);
        Assert.False(await db.ContentNodes.AnyAsync(n => n.ParentId == copy.Id));
    }

    [Fact]
    public async Task Copy_refuses_a_parent_that_does_not_allow_the_type()
    {
        await using var host = await CmsTestHost.StartAsync();
        var settings = await host.CreateAsync(null, TestTypes.Settings.Alias, "Indstillinger", new Dictionary<string, object?>());
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Side");

        var result = await host.Content.CopyAsync(page, settings, includeDescendants: false, Editor);

        Assert.False(result.Succeeded);
        Assert.Equal("En side kan ikke ligge under en indstillinger.", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task Copying_a_node_into_its_own_subtree_copies_the_subtree_once()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Side");
        var child = await host.CreateAsync(page, TestTypes.Page.Alias, "Barn");

        var result = await host.Content.CopyAsync(page, child, includeDescendants: true, Editor);

        Assert.True(result.Succeeded);
        await using var db = await host.CreateDbContextAsync();
        Assert.Equal(5, await db.ContentNodes.CountAsync());
    }

    [Fact]
    public async Task Delete_is_refused_outside_the_recycle_bin()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");

        var result = await host.Content.DeleteAsync(site, Editor);

        Assert.False(result.Succeeded);
        Assert.Contains("ligger ikke i papirkurven", Assert.Single(result.Errors).Message);
        await using var db = await host.CreateDbContextAsync();
        Assert.True(await db.ContentNodes.AnyAsync(n => n.Key == site));
    }

    [Fact]
    public async Task Delete_removes_the_subtree_with_versions_and_schedules_and_leaves_one_tombstone_per_node()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var keep = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Bliver");
        var page = await host.CreatePublishedAsync(site, TestTypes.Page.Alias, "Slettes");
        var child = await host.CreatePublishedAsync(page, TestTypes.Page.Alias, "Barn");
        var grandchild = await host.CreateAsync(child, TestTypes.Page.Alias, "Barnebarn");
        await host.Content.SaveAsync(child, 1, "Barn", null, new Dictionary<string, object?> { ["title"] = "v2" }, Editor);
        await host.Get<ScheduleService>().SchedulePublishAsync(grandchild, host.Clock.GetUtcNow().AddDays(1), Editor);
        Assert.True((await host.Content.TrashAsync(page, Editor)).Succeeded);

        var result = await host.Content.DeleteAsync(page, Editor);

        Assert.True(result.Succeeded);
        await using var db = await host.CreateDbContextAsync();
        Assert.Equal([site, keep], await db.ContentNodes.OrderBy(n => n.Id).Select(n => n.Key).ToListAsync());
        Assert.Equal(2, await db.ContentVersions.CountAsync());
        Assert.Equal(0, await db.ContentSchedules.CountAsync());
        var tombstones = await db.AuditEntries.Where(a => a.Action == AuditActions.Delete).Select(a => a.NodeKey).ToListAsync();
        Assert.Equal(new Guid?[] { page, child, grandchild }.Order(), tombstones.Order());
    }

    [Fact]
    public async Task A_descendant_of_a_trashed_node_counts_as_in_the_recycle_bin()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Side");
        var child = await host.CreateAsync(page, TestTypes.Page.Alias, "Barn");
        await host.Content.TrashAsync(page, Editor);

        var result = await host.Content.DeleteAsync(child, Editor);

        Assert.True(result.Succeeded);
        await using var db = await host.CreateDbContextAsync();
        Assert.False(await db.ContentNodes.AnyAsync(n => n.Key == child));
        Assert.True(await db.ContentNodes.AnyAsync(n => n.Key == page));
    }

    [Fact]
    public async Task Emptying_the_recycle_bin_removes_every_trashed_subtree_and_nothing_else()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");
        var a = await host.CreateAsync(site, TestTypes.Page.Alias, "A");
        await host.CreateAsync(a, TestTypes.Page.Alias, "A1");
        var b = await host.CreateAsync(site, TestTypes.Page.Alias, "B");
        var c = await host.CreateAsync(site, TestTypes.Page.Alias, "C");
        await host.Content.TrashAsync(a, Editor);
        await host.Content.TrashAsync(b, Editor);

        var removed = await host.Content.EmptyRecycleBinAsync(Editor);

        Assert.Equal(3, removed);
        await using var db = await host.CreateDbContextAsync();
        Assert.Equal([site, c], await db.ContentNodes.OrderBy(n => n.Id).Select(n => n.Key).ToListAsync());
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.Delete));
        Assert.Equal(0, await host.Content.EmptyRecycleBinAsync(Editor));
    }
}
