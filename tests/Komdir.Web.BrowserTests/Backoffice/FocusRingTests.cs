using Komdir.Cms.Users;
using Komdir.Web.BrowserTests.Infrastructure;

namespace Komdir.Web.BrowserTests.Backoffice;

/// <summary>
/// WCAG 2.4.7 and 1.4.11: every control the keyboard reaches shows a focus ring with at least 3:1 contrast against
/// the background around it. axe-core cannot check this; it needs real focus in a real browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FocusRingTests(BrowserSiteFixture fixture)
{
    /// <summary>For the focused element: a description if its ring is missing, thin or too faint, else null.</summary>
    private const string DescribeWeakFocusRing =
        """
        () => {
            const element = document.activeElement;
            const luminance = ([r, g, b]) => {
                const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
                return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
            };
            const rgba = text => (text.match(/[\d.]+/g) || []).map(Number);
            // The ring is drawn outside the element (outline-offset), over the nearest painted ancestor.
            let background = [255, 255, 255];
            for (let node = element.parentElement; node; node = node.parentElement) {
                const colour = rgba(getComputedStyle(node).backgroundColor);
                if (colour.length === 3 || (colour.length === 4 && colour[3] === 1)) { background = colour.slice(0, 3); break; }
            }
            const style = getComputedStyle(element);
            const name = element.tagName + (element.id ? '#' + element.id : '') + ' "' + (element.textContent || '').trim().slice(0, 30) + '"';
            if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
                return name + ': no focus ring (' + style.outlineStyle + ' ' + style.outlineWidth + ')';
            }
            const [l1, l2] = [luminance(rgba(style.outlineColor)), luminance(background)].sort((a, b) => b - a);
            const ratio = (l1 + 0.05) / (l2 + 0.05);
            return ratio < 3 ? name + ': ring ' + style.outlineColor + ' on rgb(' + background + ') is ' + ratio.toFixed(2) + ':1' : null;
        }
        """;

    [Fact]
    public async Task Every_control_in_the_editor_shows_a_focus_ring_of_at_least_3_to_1()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(await fixture.CreateUserAsync(BackofficeRoles.Administrator));
        await page.GotoAsync(fixture.EditorPath("/strategi/2025-2027/lokaldemokrati"));
        // The editor is prerendered, then re-rendered when its circuit connects; tabbing before that can land on
        // <body> when the DOM is replaced. Wait for the connection to settle first.
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await page.Locator("#prop-title").WaitForAsync();

        var weak = new List<string>();
        var visited = 0;
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => document.activeElement === document.body"))
            {
                // The end of the page, unless a late re-render dropped focus early: then keep going.
                if (visited >= 20)
                {
                    break;
                }

                continue;
            }

            visited++;
            if (await page.EvaluateAsync<string?>(DescribeWeakFocusRing) is { } problem)
            {
                weak.Add(problem);
            }
        }

        Assert.True(visited >= 20, $"Only {visited} controls took focus.");
        Assert.True(weak.Count == 0, "Focus rings WCAG 1.4.11 would fail:\n" + string.Join("\n", weak.Distinct()));
    }
}
