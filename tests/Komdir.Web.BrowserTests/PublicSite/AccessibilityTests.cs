using Microsoft.Playwright;
using Komdir.Web.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Komdir.Web.BrowserTests.PublicSite;

/// <summary>Every public page, checked by axe-core in a real browser against WCAG 2.1 A and AA.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserSiteFixture fixture, ITestOutputHelper output)
{
    /// <summary>A page that does not exist: readers reach the 404 page too, so it must be as accessible.</summary>
    private const string MissingPagePath = "/denne-side-findes-ikke";

    [Fact]
    public void The_site_publishes_pages_to_check()
    {
        // Guards the tests below: an empty list would make them pass without checking anything.
        Assert.Contains("/", fixture.PublicPaths);
        Assert.True(fixture.PublicPaths.Count >= 10, $"Only {fixture.PublicPaths.Count} public pages were found.");
    }

    [Fact]
    public async Task Pages_are_checked_with_their_stylesheet_applied()
    {
        // Contrast, reflow and focus visibility depend on the CSS: an unstyled page would make those checks meaningless.
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var ruleCount = await page.EvaluateAsync<int>(
            "() => [...document.styleSheets].reduce((count, sheet) => count + sheet.cssRules.length, 0)");

        Assert.True(ruleCount > 0, "The page's stylesheet did not load or is empty.");
    }

    [Fact]
    public async Task Every_public_page_has_no_axe_violations_of_WCAG_2_1_AA()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var found = new List<(string Path, AxeViolation Violation)>();
        var checkedPages = 0;

        foreach (var path in fixture.PublicPaths.Append(MissingPagePath))
        {
            var response = await page.GotoAsync(path);
            Assert.NotNull(response);
            Assert.Equal(path == MissingPagePath ? 404 : 200, response.Status);

            found.AddRange((await AxeRunner.RunAsync(page)).Select(violation => (path, violation)));
            checkedPages++;
        }

        output.WriteLine($"axe-core checked {checkedPages} pages.");
        Assert.True(found.Count == 0, "axe-core found WCAG 2.1 AA violations:\n" + AxeRunner.Describe(found));
    }

    [Fact]
    public async Task Every_public_page_has_no_axe_violations_in_dark_mode()
    {
        // Dark mode swaps every colour variable: its contrast is checked as carefully as the light one's.
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        var found = new List<(string Path, AxeViolation Violation)>();

        foreach (var path in fixture.PublicPaths)
        {
            await page.GotoAsync(path);
            found.AddRange((await AxeRunner.RunAsync(page)).Select(violation => (path, violation)));
        }

        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(18, 26, 34)", background);
        Assert.True(found.Count == 0, "axe-core found WCAG 2.1 AA violations in dark mode:\n" + AxeRunner.Describe(found));
    }
}
