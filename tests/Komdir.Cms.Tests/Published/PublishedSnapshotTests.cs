using Komdir.Cms.Tests.Infrastructure;

namespace Komdir.Cms.Tests.Published;

public sealed class PublishedSnapshotTests : IAsyncLifetime
{
    private CmsTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await CmsTestHost.StartAsync();
        var report = await host.Importer.ImportAsync(FixtureFolder.Shared("basic").Path);
        Assert.True(report.Succeeded, string.Join(" | ", report.Errors));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("//")]
    public void The_site_root_answers_slash(string? path)
    {
        Assert.Equal(FixtureKeys.Root, host.Published.GetByRoute(path)?.Key);
        Assert.Equal(FixtureKeys.Root, host.Published.SiteRoot?.Key);
    }

    [Theory]
    [InlineData("/alpha")]
    [InlineData("/alpha/")]
    [InlineData("alpha")]
    [InlineData("/ALPHA")]
    [InlineData("/Alpha/ ")]
    public void Routes_ignore_case_and_trailing_slashes(string path) =>
        Assert.Equal(FixtureKeys.Alpha, host.Published.GetByRoute(path)?.Key);

    [Fact]
    public void Child_urls_continue_the_parents_path()
    {
        Assert.Equal("/alpha/beta", host.Published.GetByKey(FixtureKeys.Beta)!.Url);
        Assert.Equal(FixtureKeys.Beta, host.Published.GetByRoute("/Alpha/Beta/")?.Key);
        Assert.Equal(FixtureKeys.Gamma, host.Published.GetByRoute("/gamma")?.Key);
        Assert.Equal(2, host.Published.GetByKey(FixtureKeys.Beta)!.Level);
    }

    [Theory]
    [InlineData("/beta")]
    [InlineData("/alpha/gamma")]
    [InlineData("/data")]
    [InlineData("/alpha/beta/mere")]
    public void Unknown_paths_resolve_to_nothing(string path) => Assert.Null(host.Published.GetByRoute(path));

    [Fact]
    public void A_non_routable_root_is_published_without_a_url()
    {
        var data = host.Published.GetByKey(FixtureKeys.Data);

        Assert.NotNull(data);
        Assert.Null(data.Url);
        Assert.Equal("Ikke en side", data.Values["label"]);
    }

    [Fact]
    public void Siblings_come_in_sort_order_and_parents_before_children()
    {
        var root = host.Published.SiteRoot!;
        Assert.Equal([FixtureKeys.Alpha, FixtureKeys.Gamma], root.Children.Select(c => c.Key));

        var order = host.Published.All.Select(c => c.Key).ToList();
        Assert.True(order.IndexOf(FixtureKeys.Alpha) < order.IndexOf(FixtureKeys.Beta));
        Assert.Equal(["en", "to"], (IEnumerable<string>)host.Published.GetByKey(FixtureKeys.Alpha)!.Values["tags"]!);
    }
}
