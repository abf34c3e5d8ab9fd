using AngleSharp.Html.Parser;
using Komdir.Cms.Text;
using Komdir.Web.Features.Strategy;
using Komdir.Web.Tests.Features.Discovery;

namespace Komdir.Web.Tests.Features.Strategy;

public sealed class AcrossPeriodsTests(DiscoverySiteFixture site) : IClassFixture<DiscoverySiteFixture>
{
    [Fact]
    public async Task Purpose_over_time_marks_removed_and_added_words_and_explains_the_marks()
    {
        using var client = site.CreateClient();

        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/strategi/formaal-over-tid"));

        var main = document.QuerySelector("main")!;
        Assert.Equal("Formålet over tid", main.QuerySelector("h1")!.TextContent);
        Assert.Contains("understreget", main.QuerySelector(".diff-legend")!.TextContent);
        var diff = main.QuerySelector("p.diff")!;
        Assert.Contains(diff.QuerySelectorAll("del"), d => d.TextContent == "[− meningsdanner]");
        Assert.Contains(diff.QuerySelectorAll("ins"), i => i.TextContent == "[+ vidensressource]");
        Assert.Equal(["2019-2021", "2023-2025", "2025-2027"], main.QuerySelectorAll("section h2").Select(h => h.TextContent).ToList());
    }

    [Fact]
    public async Task The_strategy_overview_links_to_purpose_over_time()
    {
        using var client = site.CreateClient();

        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/strategi"));

        Assert.Contains(document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/strategi/formaal-over-tid");
    }

    [Fact]
    public async Task A_focus_area_links_to_areas_with_the_same_theme_in_other_periods()
    {
        using var client = site.CreateClient();

        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/strategi/2025-2027/civilsamfund"));

        var section = document.QuerySelector("section.related-periods")!;
        Assert.Equal("Samme tema i andre perioder", section.QuerySelector("h2")!.TextContent);
        var item = Assert.Single(section.QuerySelectorAll("li"));
        Assert.Equal("/strategi/2023-2025/civilsamfund", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("(2023-2025)", item.TextContent);
    }

    [Fact]
    public void Diff_markup_groups_a_run_of_changes_and_encodes_text()
    {
        var diff = WordDiff.Compare("KOMDIR ønsker at <tale>", "Med udgangspunkt i formålet ønsker KOMDIR at <tale>");

        var html = PurposeOverTimePage.DiffMarkup(diff);

        Assert.Contains("&lt;tale&gt;", html);
        Assert.DoesNotContain("<tale>", html);
        Assert.Contains("ønsker", html);
        Assert.Contains("<ins>[+ ", html);
    }

    [Fact]
    public void Diff_markup_keeps_the_space_between_a_change_and_the_next_word()
    {
        var diff = WordDiff.Compare("KOMDIR ønsker at tale", "Med udgangspunkt i formålet ønsker KOMDIR at tale");

        var html = PurposeOverTimePage.DiffMarkup(diff);
        var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "");

        Assert.DoesNotMatch(@"\][^\s.,;:)]", text);
        Assert.DoesNotMatch(@"[^\s(]\[", text);
        Assert.Contains("formålet] ønsker", text);
    }
}
