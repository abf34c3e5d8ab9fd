using System.Net;
using Komdir.Cms.Content;
using Komdir.Cms.Published;
using Komdir.Cms.Routing;
using Komdir.Web.Features.Strategy;
using Komdir.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Komdir.Web.Tests.Features.Discovery;

/// <summary>Old addresses over HTTP: each test changes content, so each has its own site.</summary>
public sealed class RedirectIntegrationTests
{
    private static readonly WebApplicationFactoryClientOptions NoAutoRedirect = new() { AllowAutoRedirect = false };

    [Fact]
    public async Task After_a_rename_the_old_URL_and_its_descendants_answer_301_with_the_new_URL()
    {
        using var site = new KomdirWebApplicationFactory();
        using var client = site.CreateClient(NoAutoRedirect);
        var period = Period(site, "2019-2021");
        var child = period.Children[0];
        var oldChildUrl = child.Url!;

        await RenameAsync(site, period.Key, "2019-2021-arkiv");

        var response = await client.GetAsync("/strategi/2019-2021");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/strategi/2019-2021-arkiv", response.Headers.Location?.OriginalString);
        var childResponse = await client.GetAsync(oldChildUrl);
        Assert.Equal(HttpStatusCode.MovedPermanently, childResponse.StatusCode);
        Assert.Equal("/strategi/2019-2021-arkiv/" + child.UrlSegment, childResponse.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/strategi/2019-2021-arkiv")).StatusCode);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/strategi/2019-2021"));
        Assert.Equal(HttpStatusCode.MovedPermanently, head.StatusCode);
    }

    [Fact]
    public async Task After_a_move_the_old_URL_answers_301_with_the_new_URL()
    {
        using var site = new KomdirWebApplicationFactory();
        using var client = site.CreateClient(NoAutoRedirect);
        var area = Period(site, "2025-2027").Children.Single(c => c.UrlSegment == "lokaldemokrati");
        var target = Period(site, "2023-2025");

        var moved = await site.Services.GetRequiredService<ContentService>().MoveAsync(area.Key, target.Key, "test");

        Assert.True(moved.Succeeded);
        var response = await client.GetAsync("/strategi/2025-2027/lokaldemokrati");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/strategi/2023-2025/lokaldemokrati", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_chain_of_renames_collapses_into_one_hop_and_keeps_the_query()
    {
        using var site = new KomdirWebApplicationFactory();
        using var client = site.CreateClient(NoAutoRedirect);
        var key = Period(site, "2019-2021").Key;

        await RenameAsync(site, key, "a");
        await RenameAsync(site, key, "b");

        foreach (var old in new[] { "/strategi/2019-2021", "/strategi/a" })
        {
            var response = await client.GetAsync(old + "?x=1");
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/strategi/b?x=1", response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task An_editors_redirect_answers_301_until_it_is_removed_and_posts_are_never_redirected()
    {
        using var site = new KomdirWebApplicationFactory();
        using var client = site.CreateClient(NoAutoRedirect);
        var redirects = site.Services.GetRequiredService<RedirectService>();

        var added = await redirects.AddAsync("/kontakt", "/presse", "redaktør");

        Assert.True(added.Succeeded, added.Error);
        var response = await client.GetAsync("/kontakt");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/presse", response.Headers.Location?.OriginalString);
        Assert.NotEqual(HttpStatusCode.MovedPermanently, (await client.PostAsync("/kontakt", new StringContent(""))).StatusCode);

        Assert.True((await redirects.RemoveAsync(added.Id!.Value, "redaktør")).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kontakt")).StatusCode);
    }

    [Fact]
    public async Task A_live_page_is_never_redirected()
    {
        using var site = new KomdirWebApplicationFactory();
        using var client = site.CreateClient(NoAutoRedirect);

        var refused = await site.Services.GetRequiredService<RedirectService>().AddAsync("/strategi", "/presse", "redaktør");

        Assert.False(refused.Succeeded);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/strategi")).StatusCode);
    }

    [Fact]
    public async Task The_key_link_answers_301_with_the_current_URL_even_after_a_rename()
    {
        using var site = new KomdirWebApplicationFactory();
        using var client = site.CreateClient(NoAutoRedirect);
        var key = Period(site, "2023-2025").Key;

        await RenameAsync(site, key, "2023-2025-arkiv");
        var response = await client.GetAsync($"/d/{key}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/strategi/2023-2025-arkiv", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/d/{Guid.NewGuid()}")).StatusCode);
    }

    private static IPublishedContent Period(KomdirWebApplicationFactory site, string segment) =>
        site.Services.GetRequiredService<PublishedContentCache>().Current.OfType<StrategyPeriod>().Single(p => p.Content.UrlSegment == segment).Content;

    private static async Task RenameAsync(KomdirWebApplicationFactory site, Guid key, string segment)
    {
        var content = site.Services.GetRequiredService<ContentService>();
        var current = site.Services.GetRequiredService<PublishedContentCache>().Current.GetByKey(key)!;
        var saved = await content.SaveAsync(key, current.VersionNumber, current.Name, segment, current.Values, "test");
        Assert.True(saved.Succeeded, string.Join(" | ", saved.Errors.Select(e => e.Message)));
        Assert.True((await content.PublishAsync(key, "test")).Succeeded);
    }
}
