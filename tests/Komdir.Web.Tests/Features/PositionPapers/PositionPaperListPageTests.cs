using Bunit;
using Komdir.Web.Features.PositionPapers;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Features.PositionPapers;

public sealed class PositionPaperListPageTests : PublicComponentTest
{
    [Fact]
    public void Lists_each_paper_with_its_type_link_and_summary()
    {
        var cut = Render<PositionPaperListPage>(p => p.Add(c => c.Model, Site.Model<PositionPaperList>(Site.PaperList)));

        Assert.Equal("Debatoplæg", cut.Find("h1").TextContent);
        var card = cut.Find(".card");
        Assert.Equal("Debatoplæg", card.QuerySelector(".eyebrow")!.TextContent);
        Assert.Equal("/debatoplaeg/to-pejlemaerker", card.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("To pejlemærker for en test", card.QuerySelector("h2 a")!.TextContent);
        Assert.Contains("Kort om oplægget.", card.TextContent);
        HeadingOutline.AssertWellFormed(HeadingOutline.Levels(cut.FindAll("h1, h2, h3, h4, h5, h6")), "debatoplæg-listen");
    }
}
