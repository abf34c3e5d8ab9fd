using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Komdir.Cms.Rendering;

/// <summary>
/// Renders editors' Markdown to HTML, the same way for the public page, the backoffice preview and the Delivery API.
/// Raw HTML is never passed through, and links or images with a script-capable scheme are neutralised.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    // HTML already made from a text, keyed by the text's own string instance: published texts are the same instances
    // for as long as their snapshot lives, so each is rendered once per publish, and an entry goes with its text
    // (a replaced snapshot, a preview keystroke) without any eviction of ours.
    private readonly ConditionalWeakTable<string, ConcurrentDictionary<int, string>> rendered = [];
    private readonly ConditionalWeakTable<string, string> plainTexts = [];

    /// <summary>Renders <paramref name="markdown"/>; <paramref name="headingOffset"/> pushes headings down (1 turns # into h2).</summary>
    public string ToHtml(string? markdown, int headingOffset = 0)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var byOffset = rendered.GetOrCreateValue(markdown);
        if (byOffset.TryGetValue(headingOffset, out var html))
        {
            return html;
        }

        html = Render(markdown, headingOffset);
        byOffset.TryAdd(headingOffset, html);
        return html;
    }

    private string Render(string markdown, int headingOffset)
    {
        var document = Markdown.Parse(markdown, pipeline);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link when !IsSafeUrl(link.Url):
                    link.Url = "#";
                    break;
                case HeadingBlock heading when headingOffset != 0:
                    heading.Level = Math.Clamp(heading.Level + headingOffset, 1, 6);
                    break;
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The text without markup, for snippets, search and meta descriptions.</summary>
    public string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : plainTexts.GetValue(markdown, text => Markdown.ToPlainText(text, pipeline).Trim());

    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') || trimmed.StartsWith('#') || trimmed.StartsWith('?'))
        {
            return !trimmed.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate("https:" + trimmed, UriKind.Absolute, out _);
        }

        var colon = trimmed.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        var scheme = trimmed[..colon];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }
}
