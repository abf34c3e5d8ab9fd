using Komdir.Cms.Rendering;

namespace Komdir.Cms.Tests.Rendering;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [Fact]
    public void Raw_html_is_shown_as_text_never_passed_through()
    {
        var html = renderer.ToHtml("Før <script>alert('x')</script> efter\n\n<div onclick=\"x()\">blok</div>");

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<div", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("&lt;div onclick=", html);
    }

    [Theory]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("[klik](JavaScript:alert(1))")]
    [InlineData("[klik](vbscript:msgbox)")]
    [InlineData("[klik](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("![billede](javascript:alert(1))")]
    public void Script_capable_links_are_neutralised(string markdown)
    {
        var html = renderer.ToHtml(markdown);

        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html);
        Assert.Contains("=\"#\"", html);
    }

    [Theory]
    [InlineData("[side](/strategi/2025-2027)", "href=\"/strategi/2025-2027\"")]
    [InlineData("[web](https://example.org/x)", "href=\"https://example.org/x\"")]
    [InlineData("[post](mailto:post@example.org)", "href=\"mailto:post@example.org\"")]
    public void Ordinary_links_are_kept(string markdown, string expected) => Assert.Contains(expected, renderer.ToHtml(markdown));

    [Fact]
    public void Headings_are_pushed_down_by_the_offset_and_kept_within_h6()
    {
        const string markdown = "## Afsnit\n\n### Underafsnit\n\n###### Dybt";

        Assert.Contains("<h2", renderer.ToHtml(markdown));
        var shifted = renderer.ToHtml(markdown, headingOffset: 1);
        Assert.Contains("<h3", shifted);
        Assert.Contains("<h4", shifted);
        Assert.DoesNotContain("<h2", shifted);
        Assert.Contains("<h6", shifted);
        Assert.DoesNotContain("<h7", shifted);
    }

    [Fact]
    public void Empty_markdown_renders_nothing_and_plain_text_drops_markup()
    {
        Assert.Equal("", renderer.ToHtml("  "));
        Assert.Equal("Fed og kursiv", renderer.ToPlainText("**Fed** og *kursiv*"));
    }

    [Fact]
    public void A_text_is_rendered_once_per_heading_offset_and_an_equal_new_text_renders_the_same()
    {
        var markdown = string.Concat("## Afsnit\n\nMed ", "**fed** tekst.");

        var first = renderer.ToHtml(markdown);
        Assert.Same(first, renderer.ToHtml(markdown));
        var shifted = renderer.ToHtml(markdown, headingOffset: 1);
        Assert.Contains("<h3", shifted);
        Assert.Contains("<h2", renderer.ToHtml(markdown));

        // Another string with the same text (as after a publish) gets the same HTML, made afresh.
        var copy = new string(markdown.AsSpan());
        Assert.Equal(first, renderer.ToHtml(copy));
        Assert.NotSame(first, renderer.ToHtml(copy));
    }
}
