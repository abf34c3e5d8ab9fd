using Bunit;
using Komdir.Web.Features.Strategy;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Features.Strategy;

public sealed class ArchiveNoticeTests : PublicComponentTest
{
    private IRenderedComponent<ArchiveNotice> RenderNotice(StrategyPeriod? period) =>
        Render<ArchiveNotice>(p => p.Add(c => c.Period, period));

    [Fact]
    public void An_earlier_period_is_marked_as_archive_with_a_link_to_the_current_period()
    {
        var cut = RenderNotice(Site.Model<StrategyPeriod>(Site.Middle));

        var notice = cut.Find("aside.archive-notice");
        Assert.Equal("Arkiv", notice.GetAttribute("aria-label"));
        Assert.Equal("Arkiv: Fokusområder for 2023-2025", notice.QuerySelector(".archive-notice__title")!.TextContent);
        var link = notice.QuerySelector("a")!;
        Assert.Equal("/strategi/2025-2027", link.GetAttribute("href"));
        Assert.Equal("de aktuelle fokusområder for 2025-2027", link.TextContent);
    }

    [Fact]
    public void The_current_period_gets_the_badge_instead()
    {
        var cut = RenderNotice(Site.Model<StrategyPeriod>(Site.Current));

        Assert.Empty(cut.FindAll("aside"));
        Assert.Equal("Aktuel periode", cut.Find(".badge").TextContent);
    }

    [Fact]
    public void Outside_a_period_nothing_is_shown()
    {
        var cut = RenderNotice(null);

        Assert.Equal("", cut.Markup.Trim());
    }
}
