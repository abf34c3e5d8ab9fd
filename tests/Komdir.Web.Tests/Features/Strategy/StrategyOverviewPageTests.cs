using Bunit;
using Komdir.Web.Features.Strategy;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Features.Strategy;

public sealed class StrategyOverviewPageTests : PublicComponentTest
{
    private IRenderedComponent<StrategyOverviewPage> RenderOverview() =>
        Render<StrategyOverviewPage>(p => p.Add(c => c.Model, Site.Model<StrategyOverview>(Site.Overview)));

    [Fact]
    public void Lists_the_current_period_first_with_its_areas()
    {
        var cut = RenderOverview();

        Assert.Equal("Strategiperioder", cut.Find("h1").TextContent);
        var first = cut.FindAll("section")[0];
        Assert.Equal("/strategi/2025-2027", first.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Aktuel periode", first.QuerySelector(".badge")!.TextContent);
        Assert.Equal(3, first.QuerySelectorAll(".card h3 a").Length);
    }

    [Fact]
    public void Puts_the_earlier_periods_under_a_marked_archive_newest_first()
    {
        var cut = RenderOverview();

        var archive = cut.Find("section[aria-labelledby=archive]");
        Assert.StartsWith("Arkiv", archive.QuerySelector("h2")!.TextContent);
        var links = archive.QuerySelectorAll("h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/strategi/2023-2025", "/strategi/2019-2021"], links);
        Assert.All(archive.QuerySelectorAll(".card"), card => Assert.Equal("Arkiv", card.QuerySelector(".tag")!.TextContent));
        Assert.Contains("Indsatsområder: Rammevilkår.", archive.TextContent);
        HeadingOutline.AssertWellFormed(HeadingOutline.Levels(cut.FindAll("h1, h2, h3, h4, h5, h6")), "strategioversigten");
    }
}
