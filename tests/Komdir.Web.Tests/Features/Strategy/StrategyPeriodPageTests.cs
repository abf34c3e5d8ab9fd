using Bunit;
using Komdir.Web.Features.Strategy;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Features.Strategy;

public sealed class StrategyPeriodPageTests : PublicComponentTest
{
    private IRenderedComponent<StrategyPeriodPage> RenderPeriod(Guid key) =>
        Render<StrategyPeriodPage>(p => p.Add(c => c.Model, Site.Model<StrategyPeriod>(key)));

    [Fact]
    public void The_current_period_has_no_archive_notice_but_the_current_badge()
    {
        var cut = RenderPeriod(Site.Current);

        Assert.Empty(cut.FindAll(".archive-notice"));
        Assert.Equal("Aktuel periode", cut.Find(".current-badge").TextContent.Trim());
        Assert.Equal("Vores fokus i 2025-2027", cut.Find("h1").TextContent);
    }

    [Fact]
    public void An_earlier_period_carries_the_archive_notice_linking_to_the_current_period()
    {
        var cut = RenderPeriod(Site.Oldest);

        var notice = cut.Find("aside.archive-notice");
        Assert.Contains("Arkiv: Indsatsområder for 2019-2021", notice.TextContent);
        Assert.Equal("/strategi/2025-2027", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(cut.FindAll(".current-badge"));
    }

    [Fact]
    public void Shows_areas_purpose_rationale_and_other_pages_with_ordered_headings()
    {
        var oldest = RenderPeriod(Site.Oldest);
        Assert.Equal("Indsatsområder", oldest.Find("section[aria-labelledby=areas] h2").TextContent);
        Assert.Equal("/strategi/2019-2021/rammevilkaar", oldest.Find("section[aria-labelledby=areas] h3 a").GetAttribute("href"));
        Assert.Contains("Formålet for 2019-2021.", oldest.Find("section[aria-labelledby=purpose]").TextContent);
        Assert.Equal("/strategi/2019-2021/videndeling", oldest.Find("section[aria-labelledby=more] a").GetAttribute("href"));
        Assert.Equal("/strategi", oldest.Find(".back-link a").GetAttribute("href"));
        HeadingOutline.AssertWellFormed(HeadingOutline.Levels(oldest.FindAll("h1, h2, h3, h4, h5, h6")), "2019-2021");

        var middle = RenderPeriod(Site.Middle);
        Assert.Contains("Derfor disse tre.", middle.Find("section[aria-labelledby=rationale]").TextContent);
        Assert.Empty(middle.FindAll("section[aria-labelledby=more]"));
    }
}
