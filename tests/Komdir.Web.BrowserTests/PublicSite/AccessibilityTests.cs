using System.Text;
using System.Text.Json;
using Komdir.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;
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

            found.AddRange((await RunAxeAsync(page)).Select(violation => (path, violation)));
            checkedPages++;
        }

        output.WriteLine($"axe-core checked {checkedPages} pages.");
        Assert.True(found.Count == 0, "axe-core found WCAG 2.1 AA violations:\n" + Describe(found));
    }

    /// <summary>One block per rule and failing element, listing the pages: a shared header fails on every page at once.</summary>
    private static string Describe(IEnumerable<(string Path, AxeViolation Violation)> found)
    {
        var report = new StringBuilder();
        foreach (var rule in found.GroupBy(f => f.Violation.Id))
        {
            var first = rule.First().Violation;
            report.AppendLine($"{first.Id} ({first.Impact}): {first.Help}");
            report.AppendLine($"  {first.HelpUrl}");
            var byTarget = rule
                .SelectMany(f => f.Violation.Targets.Select(target => (f.Path, Target: target)))
                .GroupBy(t => t.Target);
            foreach (var target in byTarget)
            {
                var paths = target.Select(t => t.Path).Distinct().ToList();
                report.AppendLine($"  at {target.Key}");
                report.AppendLine($"     on {string.Join(", ", paths.Take(5))}{(paths.Count > 5 ? $" and {paths.Count - 5} more pages" : "")}");
            }
        }

        return report.ToString();
    }

    private static async Task<IReadOnlyList<AxeViolation>> RunAxeAsync(IPage page)
    {
        // The site's CSP (script-src 'self') forbids inline scripts, so a <script> tag with axe would be blocked.
        // Evaluating through Playwright goes over the DevTools protocol, which CSP does not govern: the page keeps its
        // real CSP (which is itself part of what we test) and axe still gets in. axe.min.js sets window.axe.
        var installed = await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'");
        if (!installed)
        {
            await page.EvaluateAsync("() => { " + AxeCore.Source + "\n}");
        }

        var json = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
                const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
                return results.violations.map(v => ({
                    id: v.id,
                    impact: v.impact ?? 'unknown',
                    help: v.help,
                    helpUrl: v.helpUrl,
                    targets: v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ') : '')),
                }));
            }
            """,
            AxeCore.WcagTags);
        return json.Deserialize<List<AxeViolation>>(new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
    }

    private sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<string> Targets);
}
