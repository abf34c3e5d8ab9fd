using System.Net;
using System.Text.RegularExpressions;
using Komdir.Cms.Rendering;

namespace Komdir.Cms.Tests.Rendering;

/// <summary>A corpus of hostile Markdown: nothing in it may become a live script-capable link, image or element.</summary>
public sealed partial class HostileMarkdownTests
{
    private readonly MarkdownRenderer renderer = new();

    private static readonly string[] HostileUrls =
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java&#x09;script:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "javascript&#58;alert(1)",
        "javascript&colon;alert(1)",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "DATA:text/html,x",
        "file:///etc/passwd",
        "file://c:/windows/win.ini",
        "FILE:///etc/shadow",
        "livescript:alert(1)",
        "jar:file:///x!/",
        "view-source:https://example.org",
        "ms-its:x",
        "x-javascript:alert(1)",
        "chrome://settings",
        "blob:https://example.org/x",
        "filesystem:https://example.org/x",
        "\u0001javascript:alert(1)",
        "javascript%3Aalert(1)x:y",
    ];

    public static TheoryData<string> Corpus()
    {
        var corpus = new TheoryData<string>();
        foreach (var url in HostileUrls)
        {
            corpus.Add($"[klik]({url})");
            corpus.Add($"![billede]({url})");
            corpus.Add($"<{url}>");
            corpus.Add($"[klik][ref]\n\n[ref]: {url}");
            corpus.Add($"![billede][ref]\n\n[ref]: {url}");
            corpus.Add($"[klik](<{url}>)");
            corpus.Add($"[klik]({url} \"titel\")");
            corpus.Add($"* punkt <{url}>\n\n> citat [x]({url})");
            corpus.Add($"| a |\n| - |\n| [x]({url}) |");
        }

        corpus.Add("<script>alert(1)</script>");
        corpus.Add("<img src=x onerror=alert(1)>");
        corpus.Add("<a href=\"javascript:alert(1)\">x</a>");
        corpus.Add("<svg/onload=alert(1)>");
        corpus.Add("<iframe src=\"https://example.org\"></iframe>");
        corpus.Add("[x](https://example.org\" onmouseover=\"alert(1))");
        corpus.Add("![x](https://example.org/a.png\" onerror=\"alert(1))");
        corpus.Add("[x](https://example.org \"t\\\" onclick=alert(1) x=\\\"\")");
        corpus.Add("<https://example.org\" onclick=\"alert(1)>");
        corpus.Add("`<script>alert(1)</script>`");
        corpus.Add("```\n<script>alert(1)</script>\n```");
        corpus.Add("<!-- <script>alert(1)</script> -->");
        corpus.Add("<javascript:alert(1)>");
        corpus.Add("<vbscript:msgbox(1)>");
        corpus.Add("<file:///etc/passwd>");
        corpus.Add("<data:text/html,<script>alert(1)</script>>");
        return corpus;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Hostile_markdown_renders_no_live_script(string markdown)
    {
        var html = renderer.ToHtml(markdown);

        Assert.DoesNotMatch(ElementRegex(), html);
        foreach (Match tag in TagRegex().Matches(html))
        {
            foreach (Match attribute in AttributeRegex().Matches(tag.Groups["attributes"].Value))
            {
                Assert.False(
                    attribute.Groups["name"].Value.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"{tag.Value} came from {markdown}");
            }
        }

        foreach (Match attribute in UrlAttributeRegex().Matches(html))
        {
            var value = WebUtility.HtmlDecode(attribute.Groups["value"].Value);
            Assert.True(IsHarmless(value), $"{attribute.Value} came from {markdown}");
        }
    }

    [Theory]
    [InlineData("<javascript:alert(1)>", "&lt;javascript:alert(1)&gt;")]
    [InlineData("<vbscript:msgbox(1)>", "&lt;vbscript:msgbox(1)&gt;")]
    [InlineData("<file:///etc/passwd>", "&lt;file:///etc/passwd&gt;")]
    public void A_refused_autolink_is_shown_as_the_text_written(string markdown, string expected)
    {
        var html = renderer.ToHtml(markdown);

        Assert.Contains(expected, html);
        Assert.DoesNotContain("<a", html);
    }

    [Theory]
    [InlineData("<https://example.org/side>", "href=\"https://example.org/side\"")]
    [InlineData("<mailto:post@example.org>", "href=\"mailto:post@example.org\"")]
    [InlineData("<post@example.org>", "href=\"mailto:post@example.org\"")]
    [InlineData("[ring](tel:+4512345678)", "href=\"tel:+4512345678\"")]
    [InlineData("[rel](../andet/side)", "href=\"../andet/side\"")]
    [InlineData("[rel](andet/side:x)", "href=\"andet/side:x\"")]
    [InlineData("[anker](#afsnit)", "href=\"#afsnit\"")]
    [InlineData("[ref][r]\n\n[r]: /om-os", "href=\"/om-os\"")]
    [InlineData("![logo](/media/abc/logo.png)", "src=\"/media/abc/logo.png\"")]
    public void Allowed_addresses_survive_in_every_link_form(string markdown, string expected) =>
        Assert.Contains(expected, renderer.ToHtml(markdown));

    [Theory]
    [InlineData("https://example.org", true)]
    [InlineData("HTTP://example.org", true)]
    [InlineData("mailto:a@example.org", true)]
    [InlineData("tel:123", true)]
    [InlineData("/a", true)]
    [InlineData("//example.org/a", true)]
    [InlineData("a/b:c", true)]
    [InlineData("?q=javascript:x", true)]
    [InlineData("javascript:x", false)]
    [InlineData("\u0000javascript:x", false)]
    [InlineData("jav\nascript:x", false)]
    [InlineData("ftp://example.org", false)]
    [InlineData("data:,x", false)]
    public void The_allow_list_decides_by_the_scheme_a_browser_would_see(string url, bool allowed) =>
        Assert.Equal(allowed, SafeUrl.IsAllowed(url));

    private static bool IsHarmless(string url)
    {
        var seen = new string([.. url.Where(c => c > ' ')]).ToLowerInvariant();
        var colon = seen.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        var delimiter = seen.IndexOfAny(['/', '?', '#']);
        if (delimiter >= 0 && delimiter < colon)
        {
            return true;
        }

        return seen[..colon] is "http" or "https" or "mailto" or "tel";
    }

    [GeneratedRegex(@"<\s*(script|iframe|svg|object|embed|img[^>]*onerror|style)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ElementRegex();

    [GeneratedRegex(@"<[a-z][a-z0-9]*(?<attributes>(\s+[^\s=>]+(\s*=\s*(""[^""]*""|'[^']*'|[^\s>]+))?)*)\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\s+(?<name>[^\s=>]+)(\s*=\s*(""[^""]*""|'[^']*'|[^\s>]+))?", RegexOptions.IgnoreCase)]
    private static partial Regex AttributeRegex();

    [GeneratedRegex(@"\b(href|src)\s*=\s*""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttributeRegex();
}
