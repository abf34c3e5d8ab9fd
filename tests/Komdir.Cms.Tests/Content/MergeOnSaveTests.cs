using Komdir.Cms.Content;
using Komdir.Cms.Tests.Infrastructure;

namespace Komdir.Cms.Tests.Content;

/// <summary>
/// Two editors save the same page: fields only one of them changed are kept from both (merged against the version
/// each started from); a field both changed is a conflict that writes nothing and shows both texts.
/// </summary>
public sealed class MergeOnSaveTests : IAsyncLifetime
{
    private CmsTestHost host = null!;

    public async Task InitializeAsync() => host = await CmsTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_stale_save_of_another_field_keeps_the_colleagues_change()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Start");
        await host.Content.SaveAsync(root, 1, "Forside", null, TestTypes.Values("Start", "Grundtekst"), "redaktoer-a");

        // Both start from version 2; B changes the title and saves first, A changes only the body.
        var colleague = await host.Content.SaveAsync(root, 2, "Forside", null, TestTypes.Values("Kollegas titel", "Grundtekst"), "redaktoer-b");
        Assert.True(colleague.Succeeded);
        var mine = await host.Content.SaveAsync(root, 2, "Forside", null, TestTypes.Values("Start", "Min brødtekst"), "redaktoer-a");

        Assert.True(mine.Succeeded, string.Join(" ", mine.Errors.Select(e => e.Message)));
        Assert.Equal(4, mine.VersionNumber);
        Assert.Equal(["title"], mine.MergedFromOthers);
        var saved = TestTypes.ValuesOf((await host.VersionsAsync(root))[^1]);
        Assert.Equal("Kollegas titel", saved["title"]);
        Assert.Equal("Min brødtekst", saved["body"]);
    }

    [Fact]
    public async Task A_stale_save_of_the_same_field_is_a_conflict_with_both_texts_and_a_merge_keeping_mine()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Start");
        await host.Content.SaveAsync(root, 1, "Forside", null, TestTypes.Values("Start", "Grundtekst"), "redaktoer-a");
        await host.Content.SaveAsync(root, 2, "Forside", null, TestTypes.Values("Kollegas titel", "Kollegas brødtekst"), "redaktoer-b");

        var stale = await host.Content.SaveAsync(root, 2, "Ny forside", null, TestTypes.Values("Start", "Min brødtekst"), "redaktoer-a");

        Assert.False(stale.Succeeded);
        var conflict = Assert.IsType<ContentConflict>(stale.Conflict);
        var field = Assert.Single(conflict.Fields);
        Assert.Equal("body", field.Field);
        Assert.Equal("Grundtekst", field.Base);
        Assert.Equal("Kollegas brødtekst", field.Theirs);
        Assert.Equal("Min brødtekst", field.Mine);
        Assert.Equal(3, (await host.VersionsAsync(root)).Count);

        // Saving the offered merge on top of the colleague's version keeps their title, my name and my body.
        var merged = conflict.Merged!;
        var resolved = await host.Content.SaveAsync(root, conflict.LatestVersionNumber, merged.Name, merged.UrlSegment, merged.Values, "redaktoer-a");
        Assert.True(resolved.Succeeded);
        var versions = await host.VersionsAsync(root);
        var saved = TestTypes.ValuesOf(versions[^1]);
        Assert.Equal("Kollegas titel", saved["title"]);
        Assert.Equal("Min brødtekst", saved["body"]);
        Assert.Equal("Ny forside", versions[^1].Name);
    }

    [Fact]
    public async Task Both_making_the_same_change_is_no_conflict()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Start");
        await host.Content.SaveAsync(root, 1, "Forside", null, TestTypes.Values("Samme rettelse"), "redaktoer-b");

        var same = await host.Content.SaveAsync(root, 1, "Forside", null, TestTypes.Values("Samme rettelse"), "redaktoer-a");

        Assert.True(same.Succeeded);
        Assert.Empty(same.MergedFromOthers);
    }

    [Fact]
    public async Task Publishing_a_version_the_screen_never_showed_is_refused()
    {
        var root = await host.CreateTitledAsync(null, "Forside", "Start", publish: true);
        await host.Content.SaveAsync(root, 1, "Forside", null, TestTypes.Values("Kollegas kladde"), "redaktoer-b");

        var stale = await host.Content.PublishAsync(root, expectedVersion: 1, "redaktoer-a");

        Assert.False(stale.Succeeded);
        Assert.Equal(2, stale.Conflict!.LatestVersionNumber);
        Assert.Contains("Intet er udgivet", Assert.Single(stale.Errors).Message);
        Assert.Equal(1, host.Published.GetByKey(root)!.VersionNumber);
        Assert.Equal("Start", host.Published.GetByKey(root)!.Values["title"]);

        var current = await host.Content.PublishAsync(root, expectedVersion: 2, "redaktoer-a");
        Assert.True(current.Succeeded);
        Assert.Equal("Kollegas kladde", host.Published.GetByKey(root)!.Values["title"]);
    }

    [Fact]
    public void Merge_treats_empty_values_alike_and_false_as_unset()
    {
        var empty = new Dictionary<string, object?>();
        var outcome = ThreeWayMerge.Merge(
            ("A", "a", new Dictionary<string, object?> { ["flag"] = false, ["list"] = new List<string>() }),
            ("A", "a", new Dictionary<string, object?> { ["title"] = "Deres" }),
            ("A", "a", empty));

        Assert.True(outcome.IsClean);
        Assert.Equal("Deres", outcome.Values["title"]);
        Assert.Equal(["title"], outcome.TakenFromTheirs);
    }
}
