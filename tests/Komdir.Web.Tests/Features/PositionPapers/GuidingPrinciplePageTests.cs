using Bunit;
using Komdir.Web.Features.PositionPapers;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Features.PositionPapers;

public sealed class GuidingPrinciplePageTests : PublicComponentTest
{
    private IRenderedComponent<GuidingPrinciplePage> RenderPrinciple(Guid key) =>
        Render<GuidingPrinciplePage>(p => p.Add(c => c.Model, Site.Model<GuidingPrinciple>(key)));

    [Fact]
    public void Shows_the_points_the_closing_line_and_the_way_back_to_the_paper()
    {
        var cut = RenderPrinciple(Site.Principles[0]);

        Assert.Equal("Den første forvaltning", cut.Find("h1").TextContent);
        Assert.Contains("Pejlemærke 1", cut.Find(".eyebrow").TextContent);
        Assert.Equal("/debatoplaeg/to-pejlemaerker", cut.Find(".eyebrow a").GetAttribute("href"));
        Assert.Equal(["Første punkt", "Andet punkt"], cut.FindAll(".prose > ul > li").Select(li => li.FirstChild!.TextContent.Trim()).ToList());
        Assert.Equal("Det skaber resultater!", cut.Find(".closing").TextContent);
        HeadingOutline.AssertWellFormed(HeadingOutline.Levels(cut.FindAll("h1, h2, h3, h4, h5, h6")), "pejlemærke");
    }

    [Fact]
    public void Links_to_the_previous_and_next_pejlemaerke()
    {
        var first = RenderPrinciple(Site.Principles[0]);
        Assert.Empty(first.FindAll("a[rel=prev]"));
        Assert.Equal("/debatoplaeg/to-pejlemaerker/den-anden", first.Find("a[rel=next]").GetAttribute("href"));

        var second = RenderPrinciple(Site.Principles[1]);
        Assert.Equal("/debatoplaeg/to-pejlemaerker/den-foerste", second.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Empty(second.FindAll("a[rel=next]"));
        Assert.Empty(second.FindAll(".closing"));
    }
}
