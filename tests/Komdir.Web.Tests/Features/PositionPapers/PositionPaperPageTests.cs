using Bunit;
using Komdir.Web.Features.PositionPapers;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Features.PositionPapers;

public sealed class PositionPaperPageTests : PublicComponentTest
{
    private IRenderedComponent<PositionPaperPage> RenderPaper() =>
        Render<PositionPaperPage>(p => p.Add(c => c.Model, Site.Model<PositionPaper>(Site.Paper)));

    [Fact]
    public void Shows_what_the_paper_does_and_its_motto()
    {
        var cut = RenderPaper();

        Assert.Equal("To pejlemærker for en test", cut.Find("h1").TextContent);
        Assert.Equal("Et oplæg til test", cut.Find(".lead").TextContent);
        var buildsOn = cut.Find("section[aria-labelledby=builds-on]");
        Assert.Equal("Dette debatoplæg …", buildsOn.QuerySelector("h2")!.TextContent);
        Assert.Equal(["Bygger videre på noget", "Sætter tillid først"], buildsOn.QuerySelectorAll("ul.builds-on li").Select(li => li.TextContent).ToList());
        Assert.Equal("Fordi det giver mening", buildsOn.QuerySelector("blockquote.motto")!.TextContent);
    }

    [Fact]
    public void Shows_every_pejlemaerke_with_its_points_and_closing_line()
    {
        var cut = RenderPaper();

        var principles = cut.Find("section[aria-labelledby=principles]");
        Assert.Equal("2 pejlemærker", principles.QuerySelector("h2")!.TextContent);
        var articles = principles.QuerySelectorAll("article.principle");
        Assert.Equal(2, articles.Length);
        Assert.Equal("1. Den første forvaltning", articles[0].QuerySelector("h3")!.TextContent);
        Assert.Equal("/debatoplaeg/to-pejlemaerker/den-foerste", articles[0].QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Equal("Underpunkt", articles[0].QuerySelector("ul ul li")!.TextContent);
        Assert.Equal("Det skaber resultater!", articles[0].QuerySelector(".closing")!.TextContent);
        Assert.Contains("Tredje punkt", articles[1].TextContent);
    }

    [Fact]
    public void Shows_the_supporting_values_and_the_date_in_danish()
    {
        var cut = RenderPaper();

        var values = cut.Find("section[aria-labelledby=values]");
        Assert.Equal("De understøttende værdier", values.QuerySelector("h2")!.TextContent);
        Assert.Equal(["Vi udviser ordentlighed", "Vi tager ansvar"], values.QuerySelectorAll("li").Select(li => li.TextContent).ToList());

        var time = cut.Find(".eyebrow time");
        Assert.Equal("3. maj 2019", time.TextContent);
        Assert.Equal("2019-05-03", time.GetAttribute("datetime"));
        HeadingOutline.AssertWellFormed(HeadingOutline.Levels(cut.FindAll("h1, h2, h3, h4, h5, h6")), "debatoplægget");
    }
}
