using System.Text;
using Komdir.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Komdir.Web.BrowserTests.PublicSite;

/// <summary>WCAG 1.4.10 Reflow: at a phone's width (375 CSS pixels) no page needs horizontal scrolling.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NarrowViewportTests(BrowserSiteFixture fixture)
{
    [Fact]
    public async Task No_public_page_scrolls_horizontally_at_375_pixels()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        });
        var page = await context.NewPageAsync();
        var overflowing = new StringBuilder();

        foreach (var path in fixture.PublicPaths)
        {
            await page.GotoAsync(path);
            var widths = await page.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > widths[1])
            {
                var widest = await page.EvaluateAsync<string>(
                    """
                    () => {
                        const limit = document.documentElement.clientWidth;
                        const culprits = [...document.querySelectorAll('body *')]
                            .filter(e => e.getBoundingClientRect().right > limit + 1)
                            .slice(0, 3)
                            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : ''));
                        return culprits.join(', ');
                    }
                    """);
                overflowing.AppendLine($"{path}: scrollWidth {widths[0]} > clientWidth {widths[1]} (wider elements: {widest})");
            }
        }

        Assert.True(overflowing.Length == 0, "Pages scroll horizontally at 375 px:\n" + overflowing);
    }
}
