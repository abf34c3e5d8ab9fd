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
        var refusedAutolinks = new List<AutolinkInline>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    // Every link and image, inline or by reference, passes the one allow-list; a dynamic URL would be
                    // computed after this check, so none is kept.
                    link.GetDynamicUrl = null;
                    if (!SafeUrl.IsAllowed(link.Url))
                    {
                        link.Url = "#";
                    }

                    break;
                case AutolinkInline autolink when !SafeUrl.IsAllowed(autolink.Url):
                    // <javascript:alert(1)> is a CommonMark autolink, a node of its own that is not a LinkInline.
                    refusedAutolinks.Add(autolink);
                    break;
                case HeadingBlock heading when headingOffset != 0:
                    heading.Level = Math.Clamp(heading.Level + headingOffset, 1, 6);
                    break;
            }
        }

        // A refused autolink is shown as the text the editor wrote, never as a link.
        foreach (var autolink in refusedAutolinks)
        {
            autolink.ReplaceBy(new LiteralInline("<" + autolink.Url + ">"));
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
}
