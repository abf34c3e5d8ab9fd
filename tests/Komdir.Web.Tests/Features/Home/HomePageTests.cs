using Bunit;
using Komdir.Web.Features.Home;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Features.Home;

public sealed class HomePageTests : PublicComponentTest
{
    private IRenderedComponent<HomePage> RenderHome() =>
        Render<HomePage>(p => p.Add(c => c.Model, Site.Model<Komdir.Web.Features.Home.Home>(Site.Home)));

    [Fact]
    public void Shows_the_title_as_the_only_h1_and_who_the_association_is()
    {
        var cut = RenderHome();

        Assert.Equal("Testforeningen", cut.Find("h1").TextContent);
        Assert.Contains("forum", cut.Find(".lead").TextContent);
        Assert.Equal("forum", cut.Find(".lead strong").TextContent);
        HeadingOutline.AssertWellFormed(HeadingOutline.Levels(cut.FindAll("h1, h2, h3, h4, h5, h6")), "forsiden");
    }

    [Fact]
    public void Lists_the_current_periods_focus_areas_marked_as_current()
    {
        var cut = RenderHome();

        var section = cut.Find("section[aria-labelledby=current-focus]");
        Assert.Contains("Fokusområder 2025-2027", section.QuerySelector("h2")!.TextContent);
        Assert.Equal("Aktuel periode", section.QuerySelector(".badge")!.TextContent);
        var areaLinks = section.QuerySelectorAll("h3 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/strategi/2025-2027/foerste", "/strategi/2025-2027/andet", "/strategi/2025-2027/tredje"], areaLinks);
        Assert.DoesNotContain(cut.FindAll("a"), a => a.GetAttribute("href") == "/strategi/2023-2025/velfaerd");
    }

    [Fact]
    public void Gives_clear_paths_to_the_archive_the_position_paper_and_the_norwegian_page()
    {
        var cut = RenderHome();
        var hrefs = cut.FindAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/strategi/2023-2025", hrefs);
        Assert.Contains("/strategi/2019-2021", hrefs);
        Assert.Contains("/debatoplaeg/to-pejlemaerker", hrefs);
        Assert.Contains("/om-os", hrefs);
        Assert.Contains("Arkiv", cut.Find("section[aria-labelledby=more]").TextContent);

        var norwegian = cut.FindAll("a").Single(a => a.GetAttribute("href") == "/norsk-forum");
        Assert.Equal("nb", norwegian.Closest("[lang]")!.GetAttribute("lang"));
        var strategy = cut.FindAll("a").Single(a => a.GetAttribute("href") == "/strategi");
        Assert.Null(strategy.Closest("[lang]"));
    }
}
