using Bunit;
using Komdir.Web.Features.Strategy;
using Komdir.Web.Tests.Infrastructure;

namespace Komdir.Web.Tests.Features.Strategy;

public sealed class FocusAreaPageTests : PublicComponentTest
{
    private IRenderedComponent<FocusAreaPage> RenderArea(Guid key) =>
        Render<FocusAreaPage>(p => p.Add(c => c.Model, Site.Model<FocusArea>(key)));

    [Fact]
    public void Prints_the_lead_in_before_the_questions_itself()
    {
        var cut = RenderArea(Site.MiddleArea);

        var section = cut.Find("section.curious");
        Assert.Equal("KOMDIR er blandt andet nysgerrig på følgende:", section.QuerySelector("h2")!.TextContent);
        Assert.Equal(["Hvordan udvikler vi velfærden?", "Hvem har ansvaret?"], section.QuerySelectorAll("li").Select(li => li.TextContent).ToList());
        Assert.Equal("Udvikling af velfærd", cut.Find("h1").TextContent);
        HeadingOutline.AssertWellFormed(HeadingOutline.Levels(cut.FindAll("h1, h2, h3, h4, h5, h6")), "fokusområde");
    }

    [Fact]
    public void Without_questions_there_is_no_lead_in()
    {
        var cut = RenderArea(Site.CurrentAreas[0]);

        Assert.Empty(cut.FindAll("section.curious"));
        Assert.DoesNotContain("nysgerrig", cut.Markup);
    }

    [Fact]
    public void Has_previous_and_next_within_its_period_and_a_link_back_to_the_period()
    {
        var first = RenderArea(Site.CurrentAreas[0]);
        Assert.Empty(first.FindAll("a[rel=prev]"));
        Assert.Equal("/strategi/2025-2027/andet", first.Find("a[rel=next]").GetAttribute("href"));
        Assert.Equal("/strategi/2025-2027", first.Find(".pager__up a").GetAttribute("href"));

        var second = RenderArea(Site.CurrentAreas[1]);
        Assert.Equal("/strategi/2025-2027/foerste", second.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("/strategi/2025-2027/tredje", second.Find("a[rel=next]").GetAttribute("href"));
        Assert.Contains("Næste fokusområde", second.Find("a[rel=next]").TextContent);

        var last = RenderArea(Site.CurrentAreas[2]);
        Assert.Equal("/strategi/2025-2027/andet", last.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Empty(last.FindAll("a[rel=next]"));
    }

    [Fact]
    public void Carries_the_archive_notice_only_in_an_earlier_period()
    {
        var archived = RenderArea(Site.OldestArea);
        Assert.Contains("Arkiv: Indsatsområder for 2019-2021", archived.Find(".archive-notice").TextContent);
        Assert.Equal("/strategi/2025-2027", archived.Find(".archive-notice a").GetAttribute("href"));
        Assert.Contains("Indsatsområde 1", archived.Find(".eyebrow").TextContent);

        var current = RenderArea(Site.CurrentAreas[1]);
        Assert.Empty(current.FindAll(".archive-notice"));
        Assert.NotEmpty(current.FindAll(".current-badge"));
    }
}
