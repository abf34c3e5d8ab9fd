using Bunit;
using Komdir.Web.Features.Pages;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Features.Pages;

public sealed class TextPageViewTests : PublicComponentTest
{
    private IRenderedComponent<TextPageView> RenderPage(Guid key) =>
        Render<TextPageView>(p => p.Add(c => c.Model, Site.Model<TextPage>(key)));

    [Fact]
    public void A_norwegian_page_marks_its_content_as_bokmaal()
    {
        var cut = RenderPage(Site.Norwegian);

        var article = cut.Find("article");
        Assert.Equal("nb", article.GetAttribute("lang"));
        Assert.Equal("Norsk forum", article.QuerySelector("h1")!.TextContent);
        Assert.Contains("kommunedirektørene", article.TextContent);
        Assert.Equal("Formål", article.QuerySelector("h2")!.TextContent);
        Assert.Empty(cut.FindAll(".archive-notice, .current-badge"));
    }

    [Fact]
    public void A_danish_page_in_an_earlier_period_has_no_lang_attribute_and_the_archive_notice()
    {
        var cut = RenderPage(Site.OldestTextPage);

        Assert.False(cut.Find("article").HasAttribute("lang"));
        Assert.Equal("/strategi/2025-2027", cut.Find(".archive-notice a").GetAttribute("href"));
        Assert.Equal("Sociale medier", cut.Find("article h2").TextContent);
        HeadingOutline.AssertWellFormed(HeadingOutline.Levels(cut.FindAll("h1, h2, h3, h4, h5, h6")), "tekstside");
    }
}
