using Komdir.Cms.Content;
using Komdir.Cms.ContentTypes;
using Komdir.Cms.Tests.Infrastructure;
using Komdir.Cms.Text;
using Komdir.Cms.Versions;

namespace Komdir.Cms.Tests.Versions;

public sealed class VersionHistoryTests
{
    private const string Editor = "editor@test";

    [Fact]
    public async Task The_history_lists_every_version_newest_first_with_who_origin_and_which_is_published()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.Content.SaveAsync(site, 1, "Forside 2", null, new Dictionary<string, object?>(), "other@test");
        await host.Content.RollbackAsync(site, 1, Editor);

        var versions = await host.Get<VersionHistoryService>().ListAsync(site);

        Assert.Equal([3, 2, 1], versions.Select(v => v.Number));
        Assert.Equal(["Forside", "Forside 2", "Forside"], versions.Select(v => v.Name));
        Assert.Equal([VersionOrigin.Rollback, VersionOrigin.Editor, VersionOrigin.Editor], versions.Select(v => v.Origin));
        Assert.Equal([false, false, true], versions.Select(v => v.IsPublished));
        Assert.Equal([true, false, false], versions.Select(v => v.IsLatest));
        Assert.Equal([1, null, null], versions.Select(v => v.RestoredFromNumber));
        Assert.Equal("other@test", versions[1].CreatedBy);
        Assert.Equal(host.Clock.GetUtcNow(), versions[1].CreatedUtc);
    }

    [Fact]
    public async Task One_version_is_returned_with_its_typed_values()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Side", new Dictionary<string, object?> { ["title"] = "Titel", ["year"] = 2025, ["keywords"] = new List<string> { "a", "b" } });

        var version = await host.Get<VersionHistoryService>().GetAsync(page, 1);

        Assert.NotNull(version);
        Assert.Equal(2025, version.Values["year"]);
        Assert.Equal(["a", "b"], Assert.IsAssignableFrom<IReadOnlyList<string>>(version.Values["keywords"]));
        Assert.Null(await host.Get<VersionHistoryService>().GetAsync(page, 9));
    }

    [Fact]
    public async Task Compare_gives_every_field_in_declared_order_with_Danish_labels_and_flags_unchanged_ones()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");
        var image = Guid.NewGuid();
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Strategi", new Dictionary<string, object?>
        {
            ["title"] = "Vores strategi",
            ["body"] = "Vi arbejder for stærke kommuner.",
            ["keywords"] = new List<string> { "ledelse", "velfærd" },
            ["year"] = 2024,
        });
        await host.Content.SaveAsync(page, 1, "Strategi", "ny-strategi", new Dictionary<string, object?>
        {
            ["title"] = "Vores strategi",
            ["body"] = "Vi arbejder for modige kommuner.",
            ["keywords"] = new List<string> { "ledelse", "klima" },
            ["year"] = 2025,
            ["image"] = image,
        }, Editor);

        var comparison = await host.Get<VersionHistoryService>().CompareAsync(page, 1, 2);

        Assert.NotNull(comparison);
        Assert.Equal(["name", "urlSegment", "title", "body", "keywords", "image", "year", "hidden"], comparison.Properties.Select(p => p.Alias));
        Assert.Equal(["Navn", "URL-navn", "Titel", "Brødtekst", "Nøgleord", "Billede", "År", "Skjult i menu"], comparison.Properties.Select(p => p.Label));
        Assert.Equal(["urlSegment", "body", "keywords", "image", "year"], comparison.Changed.Select(p => p.Alias));

        var body = comparison.Properties.Single(p => p.Alias == "body");
        Assert.Contains(new DiffSegment(DiffKind.Deleted, "stærke"), body.TextDiff!);
        Assert.Contains(new DiffSegment(DiffKind.Inserted, "modige"), body.TextDiff!);

        var keywords = comparison.Properties.Single(p => p.Alias == "keywords");
        Assert.Equal("ledelse\nvelfærd", string.Concat(keywords.TextDiff!.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)));
        Assert.Equal("ledelse\nklima", string.Concat(keywords.TextDiff!.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)));

        var year = comparison.Properties.Single(p => p.Alias == "year");
        Assert.Equal(("2024", "2025", PropertyEditor.Number), (year.Before, year.After, year.Editor));
        Assert.Null(year.TextDiff);
        var imageDifference = comparison.Properties.Single(p => p.Alias == "image");
        Assert.Equal((null, image.ToString()), (imageDifference.Before, imageDifference.After));
        var segment = comparison.Properties.Single(p => p.Alias == "urlSegment");
        Assert.Equal(("strategi", "ny-strategi"), (segment.Before, segment.After));
    }

    [Fact]
    public async Task Compare_of_a_missing_version_is_null()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreateAsync(null, TestTypes.Site.Alias, "Forside");

        Assert.Null(await host.Get<VersionHistoryService>().CompareAsync(site, 1, 2));
        Assert.Empty(await host.Get<VersionHistoryService>().ListAsync(Guid.NewGuid()));
    }
}
