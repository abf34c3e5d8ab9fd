using Komdir.Web.BrowserTests.Infrastructure;

namespace Komdir.Web.BrowserTests.PublicSite;

/// <summary>WCAG 2.4.1 Bypass Blocks: keyboard users reach the content without tabbing through the menu.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SkipLinkTests(BrowserSiteFixture fixture)
{
    [Fact]
    public async Task The_skip_link_is_the_first_focusable_element_and_moves_focus_to_the_content_on_the_same_page()
    {
        // The front page, the deepest page (where a link relative to <base href="/"> would go astray) and the 404 page.
        var deepest = fixture.PublicPaths.MaxBy(path => path.Count(c => c == '/'))!;
        string[] paths = ["/", deepest, "/denne-side-findes-ikke"];
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        foreach (var path in paths)
        {
            await page.GotoAsync(path);

            await page.Keyboard.PressAsync("Tab");
            var first = await page.EvaluateAsync<string[]>(
                "() => [document.activeElement.tagName, document.activeElement.className, document.activeElement.textContent.trim()]");
            Assert.Equal(["A", "skip-link", "Gå til indhold"], first);

            // Visible when focused (WCAG 2.4.7): a skip link that stays off-screen helps no sighted keyboard user.
            var box = await page.Locator(".skip-link").BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Y + box.Height > 0 && box.X + box.Width > 0, $"{path}: the focused skip link is off-screen at ({box.X}, {box.Y}).");

            await page.Keyboard.PressAsync("Enter");
            var focusedId = await page.EvaluateAsync<string>("() => document.activeElement.id");
            Assert.True(focusedId == "indhold", $"{path}: after the skip link, focus is on '{focusedId}', not on #indhold.");
            Assert.Equal(new Uri(fixture.BaseAddress, path + "#indhold").ToString(), page.Url);
        }
    }
}
