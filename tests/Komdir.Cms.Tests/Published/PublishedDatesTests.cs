using Komdir.Cms.Tests.Infrastructure;

namespace Komdir.Cms.Tests.Published;

/// <summary>Each published node knows when it first came on the site and when it last changed there, both from the database at rebuild.</summary>
public sealed class PublishedDatesTests
{
    private const string Editor = "editor@test";

    [Fact]
    public async Task First_publication_stays_while_the_last_change_moves_with_each_published_version()
    {
        await using var host = await CmsTestHost.StartAsync();
        var site = await host.CreatePublishedAsync(null, TestTypes.Site.Alias, "Forside");
        var page = await host.CreateAsync(site, TestTypes.Page.Alias, "Nyhed");
        host.Clock.Advance(TimeSpan.FromDays(2));
        var firstPublication = host.Clock.GetUtcNow();
        await host.Content.PublishAsync(page, Editor);

        host.Clock.Advance(TimeSpan.FromDays(30));
        var change = host.Clock.GetUtcNow();
        await host.Content.SaveAsync(page, 1, "Nyhed, rettet", "nyhed", new Dictionary<string, object?> { ["title"] = "x" }, Editor);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.Content.PublishAsync(page, Editor);

        var live = host.Cache.Current.GetByKey(page)!;
        Assert.Equal(firstPublication, live.FirstPublishedDate);
        Assert.Equal(change, live.UpdateDate);
        Assert.True(live.FirstPublishedDate > live.CreateDate, "Created as a draft two days before it was published.");
    }
}
