using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Komdir.Web.BrowserTests.Infrastructure;

/// <summary>One rule axe-core found broken, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<string> Targets);

/// <summary>Runs the pinned axe-core in a page against WCAG 2.1 A and AA and reports what it found readably.</summary>
public static class AxeRunner
{
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
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

    /// <summary>One block per rule and failing element, listing the pages: a shared header fails on every page at once.</summary>
    public static string Describe(IEnumerable<(string Path, AxeViolation Violation)> found)
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
}
