using Komdir.Cms.Published;
using Komdir.Web.BrowserTests.Infrastructure;
using Komdir.Web.Features.PositionPapers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Komdir.Web.BrowserTests.PublicSite;

/// <summary>The public site is server-rendered and complete without JavaScript.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests(BrowserSiteFixture fixture)
{
    [Fact]
    public async Task The_front_page_shows_the_main_navigation_without_JavaScript()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var snapshot = fixture.Services.GetRequiredService<PublishedContentCache>().Current;
        var sections = snapshot.SiteRoot!.Children.Where(c => c.Url is not null).ToList();
        Assert.NotEmpty(sections);

        await page.GotoAsync("/");

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmenu" });
        Assert.True(await navigation.IsVisibleAsync(), "The main navigation is not visible.");
        foreach (var section in sections)
        {
            var link = navigation.GetByRole(AriaRole.Link, new() { Name = section.Name, Exact = true });
            Assert.True(await link.IsVisibleAsync(), $"The main navigation has no visible link to {section.Name}.");
            Assert.Equal(section.Url, await link.GetAttributeAsync("href"));
        }

        Assert.Equal(1, await page.Locator("h1").CountAsync());
    }

    [Fact]
    public async Task A_position_paper_can_be_read_and_its_principles_followed_without_JavaScript()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var paper = fixture.Services.GetRequiredService<PublishedContentCache>().Current.FirstOfType<PositionPaper>();
        Assert.NotNull(paper);
        Assert.NotEmpty(paper.Principles);

        var response = await page.GotoAsync(paper.Url!);

        Assert.Equal(200, response!.Status);
        Assert.Equal(paper.Title, (await page.Locator("main h1").TextContentAsync())?.Trim());
        var firstPrinciple = paper.Principles[0];
        var principleLink = page.Locator("main").GetByRole(AriaRole.Link, new() { Name = firstPrinciple.Title });
        Assert.True(await principleLink.IsVisibleAsync(), $"The link to the principle {firstPrinciple.Title} is not visible.");

        await principleLink.ClickAsync();

        Assert.EndsWith(firstPrinciple.Url!, page.Url);
        Assert.Contains(firstPrinciple.Title, await page.Locator("main h1").TextContentAsync());
    }
}
