using Bunit;
using Komdir.Web.Features.Search;

namespace Komdir.Web.Tests.Features.Search;

public sealed class SearchResultListTests : BunitContext
{
    [Fact]
    public void Matches_are_marked_and_everything_else_is_text()
    {
        var hit = Hit(snippet: [new("Om <b>", false), new("velfærd", true), new(" & mere", false)]);

        var list = Render<SearchResultList>(p => p.Add(x => x.Hits, [hit]));

        var snippet = list.Find(".search-result__snippet");
        Assert.Equal("velfærd", snippet.QuerySelector("mark")!.TextContent);
        Assert.Contains("Om &lt;b&gt;", snippet.InnerHtml);
        Assert.Empty(snippet.QuerySelectorAll("b"));
        Assert.Equal("/strategi/2025-2027/borgernaer-velfaerd", list.Find("ol.search-results > li h3 a").GetAttribute("href"));
    }

    [Fact]
    public void Archived_hits_are_labelled_and_current_ones_are_not()
    {
        var list = Render<SearchResultList>(p => p.Add(x => x.Hits, [Hit(archived: false, period: "2025-2027"), Hit(archived: true, period: "2023-2025")]));

        var items = list.FindAll("li");
        Assert.Empty(items[0].QuerySelectorAll(".search-result__archive"));
        Assert.Equal("Arkiv", items[1].QuerySelector(".search-result__archive")!.TextContent);
        Assert.Contains("search-result--archived", items[1].ClassName);
        Assert.Equal("2023-2025", items[1].QuerySelector(".search-result__period")!.TextContent);
        Assert.Equal("Fokusområde", items[1].QuerySelector(".search-result__type")!.TextContent);
    }

    [Fact]
    public void Title_matches_are_marked_and_other_languages_are_declared()
    {
        var hit = Hit(language: "nb", title: [new("Norsk ", false), new("Kommunedirektørforum", true)]);

        var list = Render<SearchResultList>(p => p.Add(x => x.Hits, [hit]));

        Assert.Equal("nb", list.Find("li").GetAttribute("lang"));
        Assert.Equal("Kommunedirektørforum", list.Find("h3 a mark").TextContent);
    }

    [Fact]
    public void A_hit_without_text_has_no_empty_snippet()
    {
        var list = Render<SearchResultList>(p => p.Add(x => x.Hits, [Hit(snippet: [])]));

        Assert.Empty(list.FindAll(".search-result__snippet"));
        Assert.Null(list.Find("li").GetAttribute("lang"));
    }

    private static SearchHit Hit(
        bool archived = false,
        string? period = "2025-2027",
        string language = "da",
        IReadOnlyList<TextSegment>? title = null,
        IReadOnlyList<TextSegment>? snippet = null) =>
        new(
            "/strategi/2025-2027/borgernaer-velfaerd",
            "Borgernær velfærd",
            "Fokusområde",
            period,
            archived,
            language,
            title ?? [new("Borgernær velfærd", false)],
            snippet ?? [new("Udviklingen af den borgernære ", false), new("velfærd", true)],
            1f);
}
